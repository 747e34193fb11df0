package io.ledgernode.api.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Instants;
import io.ledgernode.api.Require;
import java.util.List;

/**
 * The result of {@code Money:mint}, {@code burn}, {@code transfer} and {@code transferBatch}: the transaction that
 * moved the money (the original one when an idempotent request is re-submitted) and its entries.
 */
public final class MoneyResult {
    private final String txId;
    private final String timestamp;
    private final List<Entry> entries;

    private MoneyResult(final String txId, final String timestamp, final List<Entry> entries) {
        this.txId = Require.txId("txId", txId);
        this.timestamp = Instants.normalize("timestamp", timestamp);
        this.entries = Require.list("entries", entries);
    }

    @JsonCreator
    public static MoneyResult of(@JsonProperty("txId") final String txId,
            @JsonProperty("timestamp") final String timestamp, @JsonProperty("entries") final List<Entry> entries) {
        return new MoneyResult(txId, timestamp, entries);
    }

    public String txId() {
        return txId;
    }

    public String timestamp() {
        return timestamp;
    }

    public List<Entry> entries() {
        return entries;
    }
}
