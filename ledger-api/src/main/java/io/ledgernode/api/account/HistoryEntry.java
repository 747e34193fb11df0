package io.ledgernode.api.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Amount;
import io.ledgernode.api.Instants;
import io.ledgernode.api.Require;
import io.ledgernode.api.money.Entry;
import io.ledgernode.api.money.EntryKind;

/**
 * One line of an account's history: an {@link Entry} with the transaction it belongs to and its position in that
 * transaction's entries.
 */
public final class HistoryEntry {
    private final String account;
    private final String asset;
    private final EntryKind kind;
    private final Amount amount;
    private final String holdId;
    private final String txId;
    private final String timestamp;
    private final int index;

    private HistoryEntry(final Entry entry, final String txId, final String timestamp, final Integer index) {
        this.account = entry.account();
        this.asset = entry.asset();
        this.kind = entry.kind();
        this.amount = entry.amount();
        this.holdId = entry.holdId();
        this.txId = Require.txId("txId", txId);
        this.timestamp = Instants.normalize("timestamp", timestamp);
        this.index = Require.within("index", index, 0, Integer.MAX_VALUE);
    }

    /** The history line of an entry of a transaction. */
    public static HistoryEntry of(final Entry entry, final String txId, final String timestamp, final int index) {
        return new HistoryEntry(Require.present("entry", entry), txId, timestamp, index);
    }

    @JsonCreator
    static HistoryEntry fromJson(@JsonProperty("account") final String account,
            @JsonProperty("asset") final String asset, @JsonProperty("kind") final EntryKind kind,
            @JsonProperty("amount") final Amount amount, @JsonProperty("holdId") final String holdId,
            @JsonProperty("txId") final String txId, @JsonProperty("timestamp") final String timestamp,
            @JsonProperty("index") final Integer index) {
        return new HistoryEntry(Entry.of(account, asset, kind, amount, holdId), txId, timestamp, index);
    }

    /** The balance effect. */
    public Entry entry() {
        return Entry.of(account, asset, kind, amount, holdId);
    }

    public String txId() {
        return txId;
    }

    public String timestamp() {
        return timestamp;
    }

    /** Position of the entry in its transaction's entries. */
    public int index() {
        return index;
    }
}
