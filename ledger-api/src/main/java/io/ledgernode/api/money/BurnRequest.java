package io.ledgernode.api.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Amount;

/** {@code Money:burn}: issuer only, from an account the issuer is custodian of; money out of existence. */
public final class BurnRequest extends IssuanceRequest {

    private BurnRequest(final String idempotencyKey, final String account, final Amount amount) {
        super(idempotencyKey, account, amount);
    }

    @JsonCreator
    public static BurnRequest of(@JsonProperty("idempotencyKey") final String idempotencyKey,
            @JsonProperty("account") final String account, @JsonProperty("amount") final Amount amount) {
        return new BurnRequest(idempotencyKey, account, amount);
    }
}
