package io.ledgernode.api.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Amount;
import io.ledgernode.api.KeyedRequest;

/** {@code Money:transfer}: custodian of {@code from} only. */
public final class TransferRequest extends KeyedRequest {
    private final String from;
    private final String to;
    private final String asset;
    private final Amount amount;
    private final String reference;

    private TransferRequest(final String idempotencyKey, final TransferLeg leg) {
        super(idempotencyKey);
        this.from = leg.from();
        this.to = leg.to();
        this.asset = leg.asset();
        this.amount = leg.amount();
        this.reference = leg.reference();
    }

    /** A transfer; {@code reference} may be null. */
    @JsonCreator
    public static TransferRequest of(@JsonProperty("idempotencyKey") final String idempotencyKey,
            @JsonProperty("from") final String from, @JsonProperty("to") final String to,
            @JsonProperty("asset") final String asset, @JsonProperty("amount") final Amount amount,
            @JsonProperty("reference") final String reference) {
        return new TransferRequest(idempotencyKey, TransferLeg.of(from, to, asset, amount, reference));
    }

    /** The one leg this transfer is. */
    public TransferLeg leg() {
        return TransferLeg.of(from, to, asset, amount, reference);
    }
}
