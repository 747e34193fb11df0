package io.ledgernode.reconciler.compare;

import io.ledgernode.api.listing.AccountLine;
import io.ledgernode.reconciler.breaks.Break;
import io.ledgernode.reconciler.breaks.Subject;
import io.ledgernode.reconciler.mirror.AccountHistory;
import io.ledgernode.reconciler.mirror.MirrorState;
import io.ledgernode.reconciler.mirror.OpenHolds;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.TreeSet;

/** One account, chain against mirror: at which heights of a window they agree, and what differs where they do not. */
final class AccountCheck {

    private AccountCheck() {
    }

    /**
     * The heights of the window (bit i: height {@code window.low() + i}) at which the mirror's state equals the
     * chain's line, and whether the mirror's state changes within the window at all.
     */
    record Verdict(String id, BitSet matching, boolean varies) {

        boolean matchesAnywhere() {
            return !matching.isEmpty();
        }
    }

    static Verdict verdict(AccountLine chain, AccountHistory mirror, Window window) {
        List<Long> starts = stateStarts(mirror, window);
        BitSet matching = new BitSet();
        for (int i = 0; i < starts.size(); i++) {
            long start = starts.get(i);
            long end = i + 1 < starts.size() ? starts.get(i + 1) : window.high() + 1;
            if (mirror.at(start).matches(chain.balance().minorUnits(), chain.held().minorUnits(), chain.openHolds())) {
                matching.set((int) (start - window.low()), (int) (end - window.low()));
            }
        }
        return new Verdict(chain.id(), matching, starts.size() > 1);
    }

    /** What differs between the chain's line and the mirror's state as of {@code height}. */
    static List<Break> differences(AccountLine chain, AccountHistory mirror, long height, String note) {
        MirrorState state = mirror.at(height);
        long balance = chain.balance().minorUnits();
        long held = chain.held().minorUnits();
        long block = Window.lastBlock(height);
        Subject.Account subject = new Subject.Account(chain.id(), chain.asset(), chain.jurisdiction());
        List<Break> breaks = new ArrayList<>();
        if (!state.exists()) {
            breaks.add(new Break.MissingInMirror(subject, block, "balance=" + balance + " held=" + held,
                    "account " + chain.id() + " is on chain but not in the mirror as of block " + block + note));
            return breaks;
        }
        if (!state.balanceMatches(balance)) {
            breaks.add(new Break.AmountMismatch(subject, block, balance, state.reportedBalance(balance),
                    "balance of " + chain.id() + " as of block " + block + ": chain " + balance + ", mirror row "
                            + state.balanceByRow() + ", mirror entries sum " + state.balanceByEntries() + note));
        }
        if (!state.heldMatches(held, chain.openHolds())) {
            breaks.add(new Break.HoldMismatch(subject, block, held, chain.openHolds(), state.reportedHeld(held),
                    state.openHolds(), "holds of " + chain.id() + " as of block " + block + ": chain held " + held
                            + " (" + OpenHolds.describe(chain.openHolds()) + "), mirror row held " + state.heldByRow()
                            + ", entries held " + state.heldByEntries() + " (" + OpenHolds.describe(state.openHolds()) + ")" + note));
        }
        return breaks;
    }

    /** The mirror has an account the chain does not have (as of {@code height}). */
    static Break extra(AccountHistory mirror, long height) {
        MirrorState state = mirror.at(height);
        long block = Window.lastBlock(height);
        AccountHistory.Row row = mirror.row();
        return new Break.ExtraInMirror(new Subject.Account(mirror.id(), row.asset(), row.jurisdiction()), block, null,
                "balance=" + state.balanceByRow() + " held=" + state.heldByRow(), "account " + mirror.id()
                        + " is in the mirror (opened in block " + row.openedBlock() + ") but not on chain as of block " + block);
    }

    /**
     * The heights of the window at which the mirror's state of the account may change: the window's low end, and the
     * height after each block of the window that touched the account. Between two of them the state is constant.
     */
    private static List<Long> stateStarts(AccountHistory mirror, Window window) {
        TreeSet<Long> starts = new TreeSet<>();
        starts.add(window.low());
        for (AccountHistory.RecentEntry entry : mirror.recentEntries()) {
            addChange(starts, entry.block(), window);
        }
        for (AccountHistory.HoldRow hold : mirror.holds()) {
            addChange(starts, hold.placedBlock(), window);
            if (hold.closedBlock() != null) {
                addChange(starts, hold.closedBlock(), window);
            }
        }
        if (mirror.row() != null) {
            addChange(starts, mirror.row().openedBlock(), window);
        }
        return new ArrayList<>(starts);
    }

    private static void addChange(TreeSet<Long> starts, long block, Window window) {
        long height = block + 1;
        if (height > window.low() && height <= window.high()) {
            starts.add(height);
        }
    }
}
