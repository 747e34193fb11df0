package io.ledgernode.api.hold;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.KeyableRequest;
import io.ledgernode.api.Require;
import java.util.Optional;

/** {@code Holds:void} (custodian only) and {@code Holds:release} (anyone, at or after expiry): names the hold. */
public final class HoldRequest implements KeyableRequest {
    /** Left out of the JSON when absent, so a keyless request reads as it did before keys. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private final String idempotencyKey;
    private final String holdId;

    private HoldRequest(final String idempotencyKey, final String holdId) {
        this.idempotencyKey = Require.optionalIdempotencyKey("idempotencyKey", idempotencyKey);
        this.holdId = Require.holdId("holdId", holdId);
    }

    @JsonCreator
    public static HoldRequest of(@JsonProperty("idempotencyKey") final String idempotencyKey,
            @JsonProperty("holdId") final String holdId) {
        return new HoldRequest(idempotencyKey, holdId);
    }

    /** Without a key. */
    public static HoldRequest of(final String holdId) {
        return new HoldRequest(null, holdId);
    }

    @Override
    public Optional<String> idempotencyKey() {
        return Optional.ofNullable(idempotencyKey);
    }

    public String holdId() {
        return holdId;
    }
}
