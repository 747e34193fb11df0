package io.ledgernode.api.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Require;
import io.ledgernode.api.money.Entry;
import io.ledgernode.api.money.TransferLeg;
import java.util.List;

/**
 * One applied item of a {@code TRANSFERS_PACKED} event: its idempotency key, its leg and its own entries (a slice,
 * in order, of the event's entries).
 */
public final class PackedTransfer {
    private final String idempotencyKey;
    private final List<TransferLeg> legs;
    private final List<Entry> entries;

    private PackedTransfer(final String idempotencyKey, final List<TransferLeg> legs, final List<Entry> entries) {
        this.idempotencyKey = Require.idempotencyKey("idempotencyKey", idempotencyKey);
        this.legs = Require.nonEmptyList("legs", legs);
        this.entries = Require.nonEmptyList("entries", entries);
    }

    @JsonCreator
    public static PackedTransfer of(@JsonProperty("idempotencyKey") final String idempotencyKey,
            @JsonProperty("legs") final List<TransferLeg> legs, @JsonProperty("entries") final List<Entry> entries) {
        return new PackedTransfer(idempotencyKey, legs, entries);
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public List<TransferLeg> legs() {
        return legs;
    }

    public List<Entry> entries() {
        return entries;
    }
}
