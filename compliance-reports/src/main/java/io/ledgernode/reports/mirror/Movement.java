package io.ledgernode.reports.mirror;

import java.time.Instant;
import java.util.Objects;

/**
 * One money movement: a row of the daily transaction report. {@code from} is null for a mint and a hold release,
 * {@code to} for a burn and a hold placed. {@code entryIndex} is the index of its first entry in the transaction, so
 * (block, tx index, entry index) names it uniquely and leads back to {@code mirror.entries}.
 */
public record Movement(long blockNumber, int txIndex, int entryIndex, String txId, Instant txTime, MovementType type,
        String asset, long amount, AccountRef from, AccountRef to, String holdId) {

    public Movement {
        Objects.requireNonNull(txId, "txId");
        Objects.requireNonNull(txTime, "txTime");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(asset, "asset");
        if (from == null && to == null) {
            throw new IllegalArgumentException("a movement needs an account on at least one side");
        }
    }

    /** Whether an account of this jurisdiction is on either side. */
    public boolean touches(String jurisdiction) {
        return from != null && from.in(jurisdiction) || to != null && to.in(jurisdiction);
    }
}
