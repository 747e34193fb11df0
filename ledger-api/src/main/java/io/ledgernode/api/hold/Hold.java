package io.ledgernode.api.hold;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Amount;
import io.ledgernode.api.Instants;
import io.ledgernode.api.Require;

/**
 * A hold record: an amount moved out of an account's balance until it is captured (to a receiver, the rest returning
 * to the account), voided by the custodian, or released by anyone once expired. {@code closedAt},
 * {@code capturedAmount} and {@code capturedTo} are null while it is open.
 */
public final class Hold {
    private final String id;
    private final String account;
    private final String asset;
    private final Amount amount;
    private final String payee;
    private final String expiresAt;
    private final String placedAt;
    private final HoldStatus status;
    private final String closedAt;
    private final Amount capturedAmount;
    private final String capturedTo;

    private Hold(final String id, final String account, final String asset, final Amount amount, final String payee,
            final String expiresAt, final String placedAt, final HoldStatus status, final String closedAt,
            final Amount capturedAmount, final String capturedTo) {
        this.id = Require.holdId("id", id);
        this.account = Require.accountId("account", account);
        this.asset = Require.assetCode("asset", asset);
        this.amount = Require.positive("amount", amount);
        this.payee = payee == null ? null : Require.accountId("payee", payee);
        this.expiresAt = Instants.normalize("expiresAt", expiresAt);
        this.placedAt = Instants.normalize("placedAt", placedAt);
        this.status = Require.present("status", status);
        final boolean open = status == HoldStatus.OPEN;
        if (open != (closedAt == null)) {
            throw Require.invalid("closedAt must be set exactly when the hold is closed");
        }
        this.closedAt = closedAt == null ? null : Instants.normalize("closedAt", closedAt);
        if ((status == HoldStatus.CAPTURED) != (capturedAmount != null && capturedTo != null)) {
            throw Require.invalid("capturedAmount and capturedTo must be set exactly when the hold is captured");
        }
        this.capturedAmount = capturedAmount == null ? null : Require.positive("capturedAmount", capturedAmount);
        this.capturedTo = capturedTo == null ? null : Require.accountId("capturedTo", capturedTo);
    }

    @JsonCreator
    public static Hold of(@JsonProperty("id") final String id, @JsonProperty("account") final String account,
            @JsonProperty("asset") final String asset, @JsonProperty("amount") final Amount amount,
            @JsonProperty("payee") final String payee, @JsonProperty("expiresAt") final String expiresAt,
            @JsonProperty("placedAt") final String placedAt, @JsonProperty("status") final HoldStatus status,
            @JsonProperty("closedAt") final String closedAt,
            @JsonProperty("capturedAmount") final Amount capturedAmount,
            @JsonProperty("capturedTo") final String capturedTo) {
        return new Hold(id, account, asset, amount, payee, expiresAt, placedAt, status, closedAt, capturedAmount,
                capturedTo);
    }

    /** A newly placed, open hold. */
    public static Hold open(final String id, final String account, final String asset, final Amount amount,
            final String payee, final String expiresAt, final String placedAt) {
        return of(id, account, asset, amount, payee, expiresAt, placedAt, HoldStatus.OPEN, null, null, null);
    }

    /** This hold captured: {@code captured} went to {@code to}, the rest back to the account. */
    public Hold captured(final String at, final Amount captured, final String to) {
        return of(id, account, asset, amount, payee, expiresAt, placedAt, HoldStatus.CAPTURED, at, captured, to);
    }

    /** This hold voided or released ({@code status}), its whole amount back to the account. */
    public Hold returned(final HoldStatus newStatus, final String at) {
        if (newStatus != HoldStatus.VOIDED && newStatus != HoldStatus.RELEASED) {
            throw new IllegalArgumentException("a hold returns only by VOIDED or RELEASED, not " + newStatus);
        }
        return of(id, account, asset, amount, payee, expiresAt, placedAt, newStatus, at, null, null);
    }

    public String id() {
        return id;
    }

    public String account() {
        return account;
    }

    public String asset() {
        return asset;
    }

    /** The amount placed on hold. */
    public Amount amount() {
        return amount;
    }

    /** The only account a capture may pay, or null for any. */
    public String payee() {
        return payee;
    }

    public String expiresAt() {
        return expiresAt;
    }

    public String placedAt() {
        return placedAt;
    }

    public HoldStatus status() {
        return status;
    }

    public String closedAt() {
        return closedAt;
    }

    public Amount capturedAmount() {
        return capturedAmount;
    }

    public String capturedTo() {
        return capturedTo;
    }
}
