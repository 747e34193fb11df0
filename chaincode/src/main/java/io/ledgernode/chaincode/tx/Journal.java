package io.ledgernode.chaincode.tx;

import io.ledgernode.api.account.HistoryEntry;
import io.ledgernode.api.money.Entry;
import io.ledgernode.chaincode.state.Keys;
import io.ledgernode.chaincode.state.LedgerState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The balance effects of one transaction, in order. Each is also written as the account's history entry under a
 * unique {@code entry} key (account, transaction time, txId, index), so history never makes two credits conflict.
 */
public final class Journal {
    private final LedgerState state;
    private final String txId;
    private final Instant time;
    private final String timestamp;
    private final List<Entry> entries = new ArrayList<>();

    Journal(final LedgerState state, final String txId, final Instant time, final String timestamp) {
        this.state = state;
        this.txId = txId;
        this.time = time;
        this.timestamp = timestamp;
    }

    /** Records an effect and its history entry; returns its index in this transaction's entries. */
    public int add(final Entry entry) {
        final int index = entries.size();
        entries.add(entry);
        state.write(Keys.entry(entry.account(), time, txId, index), HistoryEntry.of(entry, txId, timestamp, index));
        return index;
    }

    /** How many effects there are so far: a mark to {@link #truncate} back to. */
    public int size() {
        return entries.size();
    }

    /** Forgets the effects after the first {@code size} (their history writes are rolled back with the state). */
    void truncate(final int size) {
        entries.subList(size, entries.size()).clear();
    }

    /** The effects from index {@code from} on, in order (immutable). */
    public List<Entry> entriesFrom(final int from) {
        return Collections.unmodifiableList(new ArrayList<>(entries.subList(from, entries.size())));
    }

    /** The effects so far, in order (immutable). */
    public List<Entry> entries() {
        return Collections.unmodifiableList(new ArrayList<>(entries));
    }
}
