package io.ledgernode.api.asset;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Require;

/** A registered asset: its code and how many decimals its minor units have. */
public final class Asset {
    public static final int DECIMALS_MAX = 18;

    private final String code;
    private final int decimals;

    private Asset(final String code, final Integer decimals) {
        this.code = Require.assetCode("code", code);
        this.decimals = Require.within("decimals", decimals, 0, DECIMALS_MAX);
    }

    @JsonCreator
    public static Asset of(@JsonProperty("code") final String code, @JsonProperty("decimals") final Integer decimals) {
        return new Asset(code, decimals);
    }

    public String code() {
        return code;
    }

    public int decimals() {
        return decimals;
    }
}
