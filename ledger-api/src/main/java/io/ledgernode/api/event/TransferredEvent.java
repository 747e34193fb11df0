package io.ledgernode.api.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Require;
import io.ledgernode.api.money.Entry;
import io.ledgernode.api.money.TransferLeg;
import java.util.List;

/** {@code TRANSFERRED}: one event for a single or batch transfer, with its legs (and their references). */
public final class TransferredEvent extends LedgerEvent {
    private final String idempotencyKey;
    private final List<TransferLeg> legs;

    private TransferredEvent(final EventType type, final String txId, final String timestamp,
            final List<Entry> entries, final String idempotencyKey, final List<TransferLeg> legs) {
        super(type, TransferredEvent.class, txId, timestamp, entries);
        this.idempotencyKey = Require.idempotencyKey("idempotencyKey", idempotencyKey);
        this.legs = Require.nonEmptyList("legs", legs);
    }

    @JsonCreator
    static TransferredEvent fromJson(@JsonProperty("type") final EventType type,
            @JsonProperty("txId") final String txId, @JsonProperty("timestamp") final String timestamp,
            @JsonProperty("entries") final List<Entry> entries,
            @JsonProperty("idempotencyKey") final String idempotencyKey,
            @JsonProperty("legs") final List<TransferLeg> legs) {
        return new TransferredEvent(type, txId, timestamp, entries, idempotencyKey, legs);
    }

    public static TransferredEvent of(final String txId, final String timestamp, final List<Entry> entries,
            final String idempotencyKey, final List<TransferLeg> legs) {
        return new TransferredEvent(EventType.TRANSFERRED, txId, timestamp, entries, idempotencyKey, legs);
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public List<TransferLeg> legs() {
        return legs;
    }
}
