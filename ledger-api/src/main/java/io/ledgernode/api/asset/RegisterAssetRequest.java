package io.ledgernode.api.asset;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code Assets:register}: issuer only; decimals 0..{@value Asset#DECIMALS_MAX}. */
public final class RegisterAssetRequest {
    private final String code;
    private final int decimals;

    private RegisterAssetRequest(final Asset asset) {
        this.code = asset.code();
        this.decimals = asset.decimals();
    }

    @JsonCreator
    public static RegisterAssetRequest of(@JsonProperty("code") final String code,
            @JsonProperty("decimals") final Integer decimals) {
        return new RegisterAssetRequest(Asset.of(code, decimals));
    }

    public String code() {
        return code;
    }

    public int decimals() {
        return decimals;
    }

    /** The asset this request registers. */
    public Asset toAsset() {
        return Asset.of(code, decimals);
    }
}
