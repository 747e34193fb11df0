package io.ledgernode.api.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Require;
import io.ledgernode.api.hold.Hold;
import io.ledgernode.api.money.Entry;
import java.util.List;

/**
 * {@code HOLD_PLACED}, {@code HOLD_CAPTURED}, {@code HOLD_VOIDED} and {@code HOLD_RELEASED}: the hold record after the
 * transaction; the idempotency key of place and capture (null for void and release).
 */
public final class HoldEvent extends LedgerEvent {
    private final String idempotencyKey;
    private final Hold hold;

    private HoldEvent(final EventType type, final String txId, final String timestamp, final List<Entry> entries,
            final String idempotencyKey, final Hold hold) {
        super(type, HoldEvent.class, txId, timestamp, entries);
        this.idempotencyKey = idempotencyKey == null ? null : Require.idempotencyKey("idempotencyKey", idempotencyKey);
        this.hold = Require.present("hold", hold);
    }

    @JsonCreator
    static HoldEvent fromJson(@JsonProperty("type") final EventType type, @JsonProperty("txId") final String txId,
            @JsonProperty("timestamp") final String timestamp, @JsonProperty("entries") final List<Entry> entries,
            @JsonProperty("idempotencyKey") final String idempotencyKey, @JsonProperty("hold") final Hold hold) {
        return new HoldEvent(type, txId, timestamp, entries, idempotencyKey, hold);
    }

    /** A hold event; {@code idempotencyKey} is null for void and release. */
    public static HoldEvent of(final EventType type, final String txId, final String timestamp,
            final List<Entry> entries, final String idempotencyKey, final Hold hold) {
        return new HoldEvent(type, txId, timestamp, entries, idempotencyKey, hold);
    }

    /** The idempotency key of place or capture, or null. */
    public String idempotencyKey() {
        return idempotencyKey;
    }

    public Hold hold() {
        return hold;
    }
}
