package io.ledgernode.api.event;

import io.ledgernode.api.Instants;
import io.ledgernode.api.Require;
import io.ledgernode.api.money.Entry;
import java.util.List;

/**
 * What every event carries: its type, the transaction id and timestamp, and the balance effects in order (empty for
 * events that move no money). Each subclass adds the type's own fields.
 */
public abstract class LedgerEvent {
    private final EventType type;
    private final String txId;
    private final String timestamp;
    private final List<Entry> entries;

    LedgerEvent(final EventType type, final Class<? extends LedgerEvent> shape, final String txId,
            final String timestamp, final List<Entry> entries) {
        this.type = Require.present("type", type);
        if (type.eventClass() != shape) {
            throw Require.invalid("type " + type + " does not have the shape of " + shape.getSimpleName());
        }
        this.txId = Require.txId("txId", txId);
        this.timestamp = Instants.normalize("timestamp", timestamp);
        this.entries = Require.list("entries", entries);
    }

    public final EventType type() {
        return type;
    }

    public final String txId() {
        return txId;
    }

    public final String timestamp() {
        return timestamp;
    }

    /** The balance effects, in order. */
    public final List<Entry> entries() {
        return entries;
    }
}
