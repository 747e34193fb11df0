package io.ledgernode.reconciler.mirror;

import io.ledgernode.api.listing.HoldSummary;
import java.math.BigInteger;

/**
 * An account as the mirror states it as of one height, two ways over: from its row ({@code mirror.accounts}, rolled
 * back over later entries) and from the sum of its entries. A consistent mirror has both equal; a tampered one shows
 * the difference. Amounts are {@link BigInteger} because a damaged mirror may sum beyond 64 bits.
 */
public record MirrorState(boolean exists, BigInteger balanceByRow, BigInteger balanceByEntries, BigInteger heldByRow,
                          BigInteger heldByEntries, HoldSummary openHolds) {

    /** Whether the chain's balance and held amount and open holds are exactly these. */
    public boolean matches(long balance, long held, HoldSummary holds) {
        return exists && balanceMatches(balance) && heldMatches(held, holds);
    }

    public boolean balanceMatches(long balance) {
        BigInteger chain = BigInteger.valueOf(balance);
        return chain.equals(balanceByRow) && chain.equals(balanceByEntries);
    }

    public boolean heldMatches(long held, HoldSummary holds) {
        BigInteger chain = BigInteger.valueOf(held);
        return chain.equals(heldByRow) && chain.equals(heldByEntries) && holds.equals(openHolds);
    }

    /** The balance to report: the row's if it is the one that differs from the entries, else the entries'. */
    public BigInteger reportedBalance(long chainBalance) {
        return BigInteger.valueOf(chainBalance).equals(balanceByRow) ? balanceByEntries : balanceByRow;
    }

    public BigInteger reportedHeld(long chainHeld) {
        return BigInteger.valueOf(chainHeld).equals(heldByRow) ? heldByEntries : heldByRow;
    }
}
