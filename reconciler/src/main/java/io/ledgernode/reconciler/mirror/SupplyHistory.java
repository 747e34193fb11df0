package io.ledgernode.reconciler.mirror;

import io.ledgernode.mirror.EntrySql;
import io.ledgernode.api.money.EntryKind;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * What the mirror knows of one asset's supply in one snapshot, three ways: its row ({@code mirror.assets.supply}),
 * the sum of its mints less its burns, and the sum of its accounts' balances and held amounts; with the asset's
 * entries from height {@code from} on, so {@link #at(long)} gives all three as of any height from {@code from} to the
 * snapshot's checkpoint. {@code registeredBlock} is null when the mirror has no such asset.
 */
public record SupplyHistory(String code, Long registeredBlock, BigInteger rowSupply, BigInteger entriesSupply,
                            BigInteger accountsSum, long from, List<AccountHistory.RecentEntry> recentEntries) {

    public SupplyHistory {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(rowSupply, "rowSupply");
        Objects.requireNonNull(entriesSupply, "entriesSupply");
        Objects.requireNonNull(accountsSum, "accountsSum");
        recentEntries = List.copyOf(recentEntries);
    }

    /** An asset's supply as of one height, as the mirror states it three ways. */
    public record SupplyState(boolean exists, BigInteger byRow, BigInteger byEntries, BigInteger byAccounts) {

        public boolean matches(long supply) {
            BigInteger chain = BigInteger.valueOf(supply);
            return exists && chain.equals(byRow) && chain.equals(byEntries) && chain.equals(byAccounts);
        }

        /** The first of the three that differs from the chain's supply (the row's if all agree). */
        public BigInteger reported(long supply) {
            BigInteger chain = BigInteger.valueOf(supply);
            if (!chain.equals(byRow)) {
                return byRow;
            }
            return chain.equals(byEntries) ? byAccounts : byEntries;
        }
    }

    public SupplyState at(long height) {
        if (height < from) {
            throw new IllegalArgumentException("asset " + code + ": history from height " + from + " cannot give height " + height);
        }
        BigInteger supplyLater = BigInteger.ZERO;
        BigInteger holdingsLater = BigInteger.ZERO;
        for (AccountHistory.RecentEntry entry : recentEntries) {
            if (entry.block() >= height) {
                EntryKind kind = EntrySql.kind(entry.kind());
                BigInteger amount = BigInteger.valueOf(entry.amount());
                supplyLater = supplyLater.add(amount.multiply(BigInteger.valueOf(kind.supplySign())));
                holdingsLater = holdingsLater.add(amount.multiply(BigInteger.valueOf(kind.balanceSign() + kind.heldSign())));
            }
        }
        boolean exists = registeredBlock != null && registeredBlock < height;
        return new SupplyState(exists, rowSupply.subtract(supplyLater), entriesSupply.subtract(supplyLater),
                accountsSum.subtract(holdingsLater));
    }

    /** Whether the asset's supply or holdings moved in the blocks {@code fromHeight .. toHeight - 1}. */
    public boolean changedBetween(long fromHeight, long toHeight) {
        for (AccountHistory.RecentEntry entry : recentEntries) {
            if (entry.block() >= fromHeight && entry.block() < toHeight) {
                return true;
            }
        }
        return registeredBlock != null && registeredBlock >= fromHeight && registeredBlock < toHeight;
    }
}
