package io.ledgernode.api.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Require;
import io.ledgernode.api.money.Entry;
import java.util.List;

/** {@code MINTED} and {@code BURNED}: the request's idempotency key; the entries say which account and how much. */
public final class MoneyEvent extends LedgerEvent {
    private final String idempotencyKey;

    private MoneyEvent(final EventType type, final String txId, final String timestamp, final List<Entry> entries,
            final String idempotencyKey) {
        super(type, MoneyEvent.class, txId, timestamp, entries);
        this.idempotencyKey = Require.idempotencyKey("idempotencyKey", idempotencyKey);
    }

    @JsonCreator
    static MoneyEvent fromJson(@JsonProperty("type") final EventType type, @JsonProperty("txId") final String txId,
            @JsonProperty("timestamp") final String timestamp, @JsonProperty("entries") final List<Entry> entries,
            @JsonProperty("idempotencyKey") final String idempotencyKey) {
        return new MoneyEvent(type, txId, timestamp, entries, idempotencyKey);
    }

    /** A {@code MINTED} or {@code BURNED} event. */
    public static MoneyEvent of(final EventType type, final String txId, final String timestamp,
            final List<Entry> entries, final String idempotencyKey) {
        return new MoneyEvent(type, txId, timestamp, entries, idempotencyKey);
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }
}
