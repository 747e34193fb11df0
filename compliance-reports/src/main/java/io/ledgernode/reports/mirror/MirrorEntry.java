package io.ledgernode.reports.mirror;

import io.ledgernode.api.money.EntryKind;
import io.ledgernode.mirror.Entry;
import java.time.Instant;
import java.util.Objects;

/** One row of the mirror's entries (the mirror module's {@link Entry}) of a valid transaction, with its account's reference. */
public record MirrorEntry(Entry entry, AccountRef account) {

    public MirrorEntry {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(account, "account");
        if (!entry.accountId().equals(account.id())) {
            throw new IllegalArgumentException("entry of account " + entry.accountId() + " with the reference of " + account.id());
        }
    }

    public long blockNumber() {
        return entry.blockNumber();
    }

    public int txIndex() {
        return entry.txIndex();
    }

    public int entryIndex() {
        return entry.entryIndex();
    }

    public String txId() {
        return entry.txId();
    }

    public Instant txTime() {
        return entry.txTimestamp();
    }

    public String asset() {
        return entry.asset();
    }

    public EntryKind kind() {
        return entry.kind();
    }

    public long amount() {
        return entry.amount();
    }

    public String holdId() {
        return entry.holdId();
    }

    /** Whether this entry and {@code other} belong to the same transaction. */
    boolean sameTransaction(MirrorEntry other) {
        return blockNumber() == other.blockNumber() && txIndex() == other.txIndex();
    }
}
