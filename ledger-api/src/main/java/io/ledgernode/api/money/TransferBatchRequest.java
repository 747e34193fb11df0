package io.ledgernode.api.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.KeyedRequest;
import io.ledgernode.api.Require;
import java.util.List;

/**
 * {@code Money:transferBatch}: all legs or none, at most {@code batchLegsMax} legs; the caller must be custodian of
 * every debited account.
 */
public final class TransferBatchRequest extends KeyedRequest {
    private final List<TransferLeg> legs;

    private TransferBatchRequest(final String idempotencyKey, final List<TransferLeg> legs) {
        super(idempotencyKey);
        this.legs = Require.nonEmptyList("legs", legs);
    }

    @JsonCreator
    public static TransferBatchRequest of(@JsonProperty("idempotencyKey") final String idempotencyKey,
            @JsonProperty("legs") final List<TransferLeg> legs) {
        return new TransferBatchRequest(idempotencyKey, legs);
    }

    /** The legs, in order (immutable). */
    public List<TransferLeg> legs() {
        return legs;
    }
}
