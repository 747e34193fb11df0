package io.ledgernode.reconciler.chain;

import java.util.List;
import java.util.Objects;

/** A page of assets and the bookmark of the next (empty after the last page). */
public record AssetPage(List<AssetLine> assets, String bookmark) {

    public AssetPage {
        assets = List.copyOf(assets);
        Objects.requireNonNull(bookmark, "bookmark");
    }

    public boolean last() {
        return bookmark.isEmpty();
    }
}
