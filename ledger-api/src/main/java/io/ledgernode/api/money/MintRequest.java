package io.ledgernode.api.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Amount;

/** {@code Money:mint}: issuer only; new money into an account. */
public final class MintRequest extends IssuanceRequest {

    private MintRequest(final String idempotencyKey, final String account, final Amount amount) {
        super(idempotencyKey, account, amount);
    }

    @JsonCreator
    public static MintRequest of(@JsonProperty("idempotencyKey") final String idempotencyKey,
            @JsonProperty("account") final String account, @JsonProperty("amount") final Amount amount) {
        return new MintRequest(idempotencyKey, account, amount);
    }
}
