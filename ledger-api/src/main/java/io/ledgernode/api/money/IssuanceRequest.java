package io.ledgernode.api.money;

import io.ledgernode.api.Amount;
import io.ledgernode.api.KeyedRequest;
import io.ledgernode.api.Require;

/**
 * What {@link MintRequest} and {@link BurnRequest} share: the issuer changing one account's money by a positive
 * amount, once per idempotency key. JSON {@code {"account":..,"amount":..,"idempotencyKey":..}}.
 */
public abstract class IssuanceRequest extends KeyedRequest {
    private final String account;
    private final Amount amount;

    IssuanceRequest(final String idempotencyKey, final String account, final Amount amount) {
        super(idempotencyKey);
        this.account = Require.accountId("account", account);
        this.amount = Require.positive("amount", amount);
    }

    public String account() {
        return account;
    }

    public Amount amount() {
        return amount;
    }
}
