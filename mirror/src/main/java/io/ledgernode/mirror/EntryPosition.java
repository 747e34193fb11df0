package io.ledgernode.mirror;

import java.util.Comparator;

/**
 * The place of an entry in the chain's order: block, then transaction, then entry. Pages of entries are cut at
 * positions, so a page stays where it is while the bridge adds later blocks.
 */
public record EntryPosition(long blockNumber, long txIndex, long entryIndex) implements Comparable<EntryPosition> {

    private static final Comparator<EntryPosition> ORDER = Comparator.comparingLong(EntryPosition::blockNumber)
            .thenComparingLong(EntryPosition::txIndex).thenComparingLong(EntryPosition::entryIndex);

    /** Before every entry. */
    public static final EntryPosition FIRST = new EntryPosition(Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE);
    /** After every entry. */
    public static final EntryPosition LAST = new EntryPosition(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE);

    @Override
    public int compareTo(EntryPosition other) {
        return ORDER.compare(this, other);
    }
}
