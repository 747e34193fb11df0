package io.ledgernode.api.hold;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Amount;
import io.ledgernode.api.KeyedRequest;
import io.ledgernode.api.Require;

/**
 * {@code Holds:capture}: custodian only, before expiry; pays {@code amount} (at most the held amount) to {@code to}
 * and returns the rest to the account. A hold is captured once.
 */
public final class CaptureHoldRequest extends KeyedRequest {
    private final String holdId;
    private final String to;
    private final Amount amount;

    private CaptureHoldRequest(final String idempotencyKey, final String holdId, final String to,
            final Amount amount) {
        super(idempotencyKey);
        this.holdId = Require.holdId("holdId", holdId);
        this.to = Require.accountId("to", to);
        this.amount = Require.positive("amount", amount);
    }

    @JsonCreator
    public static CaptureHoldRequest of(@JsonProperty("idempotencyKey") final String idempotencyKey,
            @JsonProperty("holdId") final String holdId, @JsonProperty("to") final String to,
            @JsonProperty("amount") final Amount amount) {
        return new CaptureHoldRequest(idempotencyKey, holdId, to, amount);
    }

    public String holdId() {
        return holdId;
    }

    public String to() {
        return to;
    }

    public Amount amount() {
        return amount;
    }
}
