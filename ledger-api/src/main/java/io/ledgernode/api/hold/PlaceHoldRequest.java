package io.ledgernode.api.hold;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Amount;
import io.ledgernode.api.KeyedRequest;
import io.ledgernode.api.Instants;
import io.ledgernode.api.Require;

/**
 * {@code Holds:place}: custodian only; moves the amount from the balance into the hold until {@code expiresAt} (after
 * the transaction time). {@code payee}, if given, is the only account a capture may pay.
 */
public final class PlaceHoldRequest extends KeyedRequest {
    private final String holdId;
    private final String account;
    private final Amount amount;
    private final String expiresAt;
    private final String payee;

    private PlaceHoldRequest(final String idempotencyKey, final String holdId, final String account,
            final Amount amount, final String expiresAt, final String payee) {
        super(idempotencyKey);
        this.holdId = Require.holdId("holdId", holdId);
        this.account = Require.accountId("account", account);
        this.amount = Require.positive("amount", amount);
        this.expiresAt = Instants.normalize("expiresAt", expiresAt);
        this.payee = payee == null ? null : Require.accountId("payee", payee);
    }

    /** A hold request; {@code payee} may be null. */
    @JsonCreator
    public static PlaceHoldRequest of(@JsonProperty("idempotencyKey") final String idempotencyKey,
            @JsonProperty("holdId") final String holdId, @JsonProperty("account") final String account,
            @JsonProperty("amount") final Amount amount, @JsonProperty("expiresAt") final String expiresAt,
            @JsonProperty("payee") final String payee) {
        return new PlaceHoldRequest(idempotencyKey, holdId, account, amount, expiresAt, payee);
    }

    public String holdId() {
        return holdId;
    }

    public String account() {
        return account;
    }

    public Amount amount() {
        return amount;
    }

    /** The expiry in the written instant form. */
    public String expiresAt() {
        return expiresAt;
    }

    public String payee() {
        return payee;
    }
}
