package io.ledgernode.api.listing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Require;
import java.util.List;

/** {@code Assets:list}: assets in code order, and the bookmark of the next page. */
public final class AssetLinesPage {
    private final List<AssetLine> assets;
    private final String bookmark;

    private AssetLinesPage(final List<AssetLine> assets, final String bookmark) {
        this.assets = Require.list("assets", assets);
        this.bookmark = Require.present("bookmark", bookmark);
    }

    @JsonCreator
    public static AssetLinesPage of(@JsonProperty("assets") final List<AssetLine> assets,
            @JsonProperty("bookmark") final String bookmark) {
        return new AssetLinesPage(assets, bookmark);
    }

    public List<AssetLine> assets() {
        return assets;
    }

    /** The bookmark of the next page; empty when this is the last page. */
    public String bookmark() {
        return bookmark;
    }
}
