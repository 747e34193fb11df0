package io.ledgernode.api.listing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Amount;
import io.ledgernode.api.Require;
import io.ledgernode.api.Value;
import io.ledgernode.api.asset.Asset;

/** One asset of {@code Assets:list}: its code, decimals and supply. */
public final class AssetLine extends Value {
    private final String code;
    private final int decimals;
    private final Amount supply;

    private AssetLine(final String code, final Integer decimals, final Amount supply) {
        this.code = Require.assetCode("code", code);
        this.decimals = Require.within("decimals", decimals, 0, Asset.DECIMALS_MAX);
        this.supply = Require.present("supply", supply);
    }

    @JsonCreator
    public static AssetLine of(@JsonProperty("code") final String code,
            @JsonProperty("decimals") final Integer decimals, @JsonProperty("supply") final Amount supply) {
        return new AssetLine(code, decimals, supply);
    }

    public String code() {
        return code;
    }

    public int decimals() {
        return decimals;
    }

    public Amount supply() {
        return supply;
    }

    @Override
    protected Object[] components() {
        return new Object[] {code, decimals, supply};
    }

    @Override
    public String toString() {
        return describe("code", "decimals", "supply");
    }
}
