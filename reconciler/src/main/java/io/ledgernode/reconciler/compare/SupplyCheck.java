package io.ledgernode.reconciler.compare;

import io.ledgernode.reconciler.breaks.Break;
import io.ledgernode.reconciler.breaks.Subject;
import io.ledgernode.reconciler.mirror.AccountHistory;
import io.ledgernode.reconciler.mirror.SupplyHistory;
import java.util.TreeSet;

/** One asset's supply, chain against mirror, over a window of heights. */
final class SupplyCheck {

    private SupplyCheck() {
    }

    /** Whether the mirror states the chain's supply at some height of the window, and whether its figures vary there. */
    record Verdict(boolean matchesAnywhere, boolean varies) {
    }

    static Verdict verdict(long chainSupply, SupplyHistory mirror, Window window) {
        TreeSet<Long> starts = new TreeSet<>();
        starts.add(window.low());
        for (AccountHistory.RecentEntry entry : mirror.recentEntries()) {
            addChange(starts, entry.block(), window);
        }
        if (mirror.registeredBlock() != null) {
            addChange(starts, mirror.registeredBlock(), window);
        }
        boolean matches = false;
        for (long start : starts) {
            matches |= mirror.at(start).matches(chainSupply);
        }
        return new Verdict(matches, starts.size() > 1);
    }

    /** The difference as of {@code height}: the asset is missing from the mirror, or one of its three figures differs. */
    static Break difference(String code, long chainSupply, SupplyHistory mirror, long height, String note) {
        SupplyHistory.SupplyState state = mirror.at(height);
        long block = Window.lastBlock(height);
        Subject.Asset subject = new Subject.Asset(code);
        if (!state.exists()) {
            return new Break.MissingInMirror(subject, block, "supply=" + chainSupply,
                    "asset " + code + " is on chain but not in the mirror as of block " + block + note);
        }
        return new Break.SupplyMismatch(subject, block, Long.toString(chainSupply), state.reported(chainSupply).toString(),
                "supply of " + code + " as of block " + block + ": chain " + chainSupply + ", mirror row " + state.byRow()
                        + ", mirror mints less burns " + state.byEntries() + ", mirror balances and holds " + state.byAccounts() + note);
    }

    private static void addChange(TreeSet<Long> starts, long block, Window window) {
        long height = block + 1;
        if (height > window.low() && height <= window.high()) {
            starts.add(height);
        }
    }
}
