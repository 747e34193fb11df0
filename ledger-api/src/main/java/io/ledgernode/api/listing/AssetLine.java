package io.ledgernode.api.listing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Amount;
import io.ledgernode.api.Require;
import io.ledgernode.api.asset.Asset;
import java.util.Objects;

/** One asset of {@code Assets:list}: its code, decimals and supply. */
public final class AssetLine {
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

    /** Equal when every field is: a listing line is a value. */
    @Override
    public boolean equals(final Object other) {
        if (!(other instanceof AssetLine)) {
            return false;
        }
        final AssetLine that = (AssetLine) other;
        return code.equals(that.code) && decimals == that.decimals && supply.equals(that.supply);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, decimals, supply);
    }

    @Override
    public String toString() {
        return "AssetLine{code=" + code + ", decimals=" + decimals + ", supply=" + supply + "}";
    }
}
