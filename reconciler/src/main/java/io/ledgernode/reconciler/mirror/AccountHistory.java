package io.ledgernode.reconciler.mirror;

import io.ledgernode.api.money.EntryKind;
import io.ledgernode.mirror.EntrySql;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the mirror knows of one account in one snapshot: its row (absent if the mirror has no such account), the sums
 * of all its entries, its entries from height {@code from} on, and the holds that were open at some height from
 * {@code from} on. From these, {@link #at(long)} gives its exact state as of any height between {@code from} and the
 * snapshot's checkpoint.
 */
public record AccountHistory(String id, Row row, BigInteger entriesBalance, BigInteger entriesHeld, long from,
                             List<RecentEntry> recentEntries, List<HoldRow> holds) {

    public AccountHistory {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(entriesBalance, "entriesBalance");
        Objects.requireNonNull(entriesHeld, "entriesHeld");
        recentEntries = List.copyOf(recentEntries);
        holds = List.copyOf(holds);
    }

    /** The account's row in {@code mirror.accounts}. */
    public record Row(String asset, String jurisdiction, long openedBlock, long balance, long held) {
    }

    /** An entry of the account in a block at or after {@code from}. */
    public record RecentEntry(long block, String kind, long amount) {
    }

    /** A hold of the account: placed in {@code placedBlock}, closed in {@code closedBlock} (null while open). */
    public record HoldRow(String id, long amount, long placedBlock, Long closedBlock) {
        boolean openAt(long height) {
            return placedBlock < height && (closedBlock == null || closedBlock >= height);
        }
    }

    /** The state as of {@code height}: the first {@code height} blocks applied; {@code from <= height}. */
    public MirrorState at(long height) {
        if (height < from) {
            throw new IllegalArgumentException("account " + id + ": history from height " + from + " cannot give height " + height);
        }
        BigInteger balanceLater = BigInteger.ZERO;
        BigInteger heldLater = BigInteger.ZERO;
        for (RecentEntry entry : recentEntries) {
            if (entry.block() >= height) {
                EntryKind kind = EntrySql.kind(entry.kind());
                BigInteger amount = BigInteger.valueOf(entry.amount());
                balanceLater = balanceLater.add(amount.multiply(BigInteger.valueOf(kind.balanceSign())));
                heldLater = heldLater.add(amount.multiply(BigInteger.valueOf(kind.heldSign())));
            }
        }
        List<OpenHolds.OpenHold> open = new ArrayList<>();
        for (HoldRow hold : holds) {
            if (hold.openAt(height)) {
                open.add(new OpenHolds.OpenHold(hold.id(), hold.amount()));
            }
        }
        boolean exists = row != null && row.openedBlock() < height;
        BigInteger rowBalance = row == null ? BigInteger.ZERO : BigInteger.valueOf(row.balance());
        BigInteger rowHeld = row == null ? BigInteger.ZERO : BigInteger.valueOf(row.held());
        return new MirrorState(exists, rowBalance.subtract(balanceLater), entriesBalance.subtract(balanceLater),
                rowHeld.subtract(heldLater), entriesHeld.subtract(heldLater), OpenHolds.summary(open));
    }

    /** Whether anything of the account changed in the blocks {@code fromHeight .. toHeight - 1}. */
    public boolean changedBetween(long fromHeight, long toHeight) {
        for (RecentEntry entry : recentEntries) {
            if (entry.block() >= fromHeight && entry.block() < toHeight) {
                return true;
            }
        }
        for (HoldRow hold : holds) {
            boolean placed = hold.placedBlock() >= fromHeight && hold.placedBlock() < toHeight;
            boolean closed = hold.closedBlock() != null && hold.closedBlock() >= fromHeight && hold.closedBlock() < toHeight;
            if (placed || closed) {
                return true;
            }
        }
        return row != null && row.openedBlock() >= fromHeight && row.openedBlock() < toHeight;
    }
}
