package io.ledgernode.reports.mirror;

import io.ledgernode.api.money.EntryKind;
import java.time.Instant;
import java.util.Objects;

/** One row of {@code mirror.entries} of a valid transaction, with its account's reference. */
public record MirrorEntry(long blockNumber, int txIndex, int entryIndex, String txId, Instant txTime,
        AccountRef account, String asset, EntryKind kind, long amount, String holdId) {

    public MirrorEntry {
        Objects.requireNonNull(txId, "txId");
        Objects.requireNonNull(txTime, "txTime");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(kind, "kind");
        if (amount <= 0) {
            throw new IllegalArgumentException("entry amount must be positive, not " + amount);
        }
    }

    /** Whether this entry and {@code other} belong to the same transaction. */
    boolean sameTransaction(MirrorEntry other) {
        return blockNumber == other.blockNumber && txIndex == other.txIndex;
    }
}
