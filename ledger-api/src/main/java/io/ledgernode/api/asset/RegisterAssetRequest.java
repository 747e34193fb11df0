package io.ledgernode.api.asset;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.KeyableRequest;
import io.ledgernode.api.Require;
import java.util.Optional;

/** {@code Assets:register}: issuer only; decimals 0..{@value Asset#DECIMALS_MAX}. */
public final class RegisterAssetRequest implements KeyableRequest {
    /** Left out of the JSON when absent, so a keyless request reads as it did before keys. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private final String idempotencyKey;
    private final String code;
    private final int decimals;

    private RegisterAssetRequest(final String idempotencyKey, final Asset asset) {
        this.idempotencyKey = Require.optionalIdempotencyKey("idempotencyKey", idempotencyKey);
        this.code = asset.code();
        this.decimals = asset.decimals();
    }

    @JsonCreator
    public static RegisterAssetRequest of(@JsonProperty("idempotencyKey") final String idempotencyKey,
            @JsonProperty("code") final String code, @JsonProperty("decimals") final Integer decimals) {
        return new RegisterAssetRequest(idempotencyKey, Asset.of(code, decimals));
    }

    /** Without a key. */
    public static RegisterAssetRequest of(final String code, final Integer decimals) {
        return of(null, code, decimals);
    }

    @Override
    public Optional<String> idempotencyKey() {
        return Optional.ofNullable(idempotencyKey);
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
