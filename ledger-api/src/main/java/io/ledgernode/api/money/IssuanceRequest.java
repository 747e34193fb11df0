package io.ledgernode.api.money;

import io.ledgernode.api.Amount;
import io.ledgernode.api.IdempotentRequest;
import io.ledgernode.api.Require;

/**
 * What {@link MintRequest} and {@link BurnRequest} share: the issuer changing one account's money by a positive
 * amount, once per idempotency key. JSON {@code {"account":..,"amount":..,"idempotencyKey":..}}.
 */
public abstract class IssuanceRequest implements IdempotentRequest {
    private final String idempotencyKey;
    private final String account;
    private final Amount amount;

    IssuanceRequest(final String idempotencyKey, final String account, final Amount amount) {
        this.idempotencyKey = Require.idempotencyKey("idempotencyKey", idempotencyKey);
        this.account = Require.accountId("account", account);
        this.amount = Require.positive("amount", amount);
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
