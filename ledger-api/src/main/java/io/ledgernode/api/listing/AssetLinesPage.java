package io.ledgernode.api.listing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Page;
import java.util.List;

/** {@code Assets:list}: assets in code order, and the bookmark of the next page. */
public final class AssetLinesPage extends Page<AssetLine> {

    private AssetLinesPage(final List<AssetLine> assets, final String bookmark) {
        super("assets", assets, bookmark);
    }

    @JsonCreator
    public static AssetLinesPage of(@JsonProperty("assets") final List<AssetLine> assets,
            @JsonProperty("bookmark") final String bookmark) {
        return new AssetLinesPage(assets, bookmark);
    }

    @JsonProperty("assets")
    public List<AssetLine> assets() {
        return items();
    }
}
