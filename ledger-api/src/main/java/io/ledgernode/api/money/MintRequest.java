package io.ledgernode.api.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Amount;
import io.ledgernode.api.IdempotentRequest;
import io.ledgernode.api.Require;

/** {@code Money:mint}: issuer only; new money into an account. */
public final class MintRequest implements IdempotentRequest {
    private final String idempotencyKey;
    private final String account;
    private final Amount amount;

    private MintRequest(final String idempotencyKey, final String account, final Amount amount) {
        this.idempotencyKey = Require.idempotencyKey("idempotencyKey", idempotencyKey);
        this.account = Require.accountId("account", account);
        this.amount = Require.positive("amount", amount);
    }

    @JsonCreator
    public static MintRequest of(@JsonProperty("idempotencyKey") final String idempotencyKey,
            @JsonProperty("account") final String account, @JsonProperty("amount") final Amount amount) {
        return new MintRequest(idempotencyKey, account, amount);
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
