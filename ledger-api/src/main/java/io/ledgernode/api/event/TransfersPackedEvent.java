package io.ledgernode.api.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Require;
import io.ledgernode.api.money.Entry;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code TRANSFERS_PACKED}: the one event of a {@code Money:transferPack} that applied at least one item. Its
 * {@code entries} are every applied item's entries in item order, so a consumer that reads only the entries (the
 * mirror, the reconciler) sees the same balance effects as from the items sent one by one; {@code items} says which
 * entries belong to which idempotency key. Refused and replayed items are not in it (they changed nothing).
 */
public final class TransfersPackedEvent extends LedgerEvent {
    private final List<PackedTransfer> items;

    private TransfersPackedEvent(final EventType type, final String txId, final String timestamp,
            final List<Entry> entries, final List<PackedTransfer> items) {
        super(type, TransfersPackedEvent.class, txId, timestamp, entries);
        this.items = Require.nonEmptyList("items", items);
        final List<Entry> concatenated = new ArrayList<>();
        for (final PackedTransfer item : this.items) {
            concatenated.addAll(item.entries());
        }
        if (!concatenated.equals(entries())) {
            throw Require.invalid("the entries of a packed event must be its items' entries in order");
        }
    }

    @JsonCreator
    static TransfersPackedEvent fromJson(@JsonProperty("type") final EventType type,
            @JsonProperty("txId") final String txId, @JsonProperty("timestamp") final String timestamp,
            @JsonProperty("entries") final List<Entry> entries, @JsonProperty("items") final List<PackedTransfer> items) {
        return new TransfersPackedEvent(type, txId, timestamp, entries, items);
    }

    public static TransfersPackedEvent of(final String txId, final String timestamp, final List<Entry> entries,
            final List<PackedTransfer> items) {
        return new TransfersPackedEvent(EventType.TRANSFERS_PACKED, txId, timestamp, entries, items);
    }

    public List<PackedTransfer> items() {
        return items;
    }
}
