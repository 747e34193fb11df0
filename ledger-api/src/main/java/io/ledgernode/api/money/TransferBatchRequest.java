package io.ledgernode.api.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.IdempotentRequest;
import io.ledgernode.api.Require;
import java.util.List;

/**
 * {@code Money:transferBatch}: all legs or none, at most {@code batchLegsMax} legs; the caller must be custodian of
 * every debited account.
 */
public final class TransferBatchRequest implements IdempotentRequest {
    private final String idempotencyKey;
    private final List<TransferLeg> legs;

    private TransferBatchRequest(final String idempotencyKey, final List<TransferLeg> legs) {
        this.idempotencyKey = Require.idempotencyKey("idempotencyKey", idempotencyKey);
        this.legs = Require.nonEmptyList("legs", legs);
    }

    @JsonCreator
    public static TransferBatchRequest of(@JsonProperty("idempotencyKey") final String idempotencyKey,
            @JsonProperty("legs") final List<TransferLeg> legs) {
        return new TransferBatchRequest(idempotencyKey, legs);
    }

    @Override
    public String idempotencyKey() {
        return idempotencyKey;
    }

    /** The legs, in order (immutable). */
    public List<TransferLeg> legs() {
        return legs;
    }
}
