package io.ledgernode.api.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Amount;
import io.ledgernode.api.IdempotentRequest;
import io.ledgernode.api.Require;

/** {@code Money:burn}: issuer only, from an account the issuer is custodian of; money out of existence. */
public final class BurnRequest implements IdempotentRequest {
    private final String idempotencyKey;
    private final String account;
    private final Amount amount;

    private BurnRequest(final String idempotencyKey, final String account, final Amount amount) {
        this.idempotencyKey = Require.idempotencyKey("idempotencyKey", idempotencyKey);
        this.account = Require.accountId("account", account);
        this.amount = Require.positive("amount", amount);
    }

    @JsonCreator
    public static BurnRequest of(@JsonProperty("idempotencyKey") final String idempotencyKey,
            @JsonProperty("account") final String account, @JsonProperty("amount") final Amount amount) {
        return new BurnRequest(idempotencyKey, account, amount);
    }

    @Override
    public String idempotencyKey() {
        return idempotencyKey;
    }

    public String account() {
        return account;
    }

    public Amount amount() {
        return amount;
    }
}
