package io.ledgernode.api.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Amount;
import io.ledgernode.api.Require;

/** One movement of a transfer: from one account to another of the same asset, with an optional reference. */
public final class TransferLeg {
    private final String from;
    private final String to;
    private final String asset;
    private final Amount amount;
    private final String reference;

    private TransferLeg(final String from, final String to, final String asset, final Amount amount,
            final String reference) {
        this.from = Require.accountId("from", from);
        this.to = Require.accountId("to", to);
        this.asset = Require.assetCode("asset", asset);
        this.amount = Require.positive("amount", amount);
        this.reference = Require.optionalText("reference", reference);
    }

    /** A leg; {@code reference} may be null (at most 140 characters otherwise). */
    @JsonCreator
    public static TransferLeg of(@JsonProperty("from") final String from, @JsonProperty("to") final String to,
            @JsonProperty("asset") final String asset, @JsonProperty("amount") final Amount amount,
            @JsonProperty("reference") final String reference) {
        return new TransferLeg(from, to, asset, amount, reference);
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }

    public String asset() {
        return asset;
    }

    public Amount amount() {
        return amount;
    }

    /** The payer's reference, or null. */
    public String reference() {
        return reference;
    }
}
