package io.ledgernode.reconciler.compare;

import io.ledgernode.api.listing.AccountLine;
import io.ledgernode.reconciler.breaks.Break;
import io.ledgernode.reconciler.mirror.AccountHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One page of accounts against the mirror. The page query saw one state, so one height of its window must fit every
 * account: the height that fits the most is taken as the page's. An account that fits it matches. An account that
 * fits no height while the mirror shows it unchanged through the window is a break. Any other account (it changed
 * while the page was read, or fits only another height) is rechecked alone.
 */
final class PageCheck {

    private PageCheck() {
    }

    /** The page's height (-1 for an empty page), its certain breaks, and the accounts to recheck. */
    record Outcome(long height, List<Break> breaks, List<String> recheck) {
    }

    static Outcome check(List<AccountLine> lines, Map<String, AccountHistory> histories, Window window) {
        List<AccountCheck.Verdict> verdicts = new ArrayList<>(lines.size());
        for (AccountLine line : lines) {
            verdicts.add(AccountCheck.verdict(line, histories.get(line.id()), window));
        }
        int best = bestHeight(verdicts, window);
        List<Break> breaks = new ArrayList<>();
        List<String> recheck = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            AccountCheck.Verdict verdict = verdicts.get(i);
            if (best >= 0 && verdict.matching().get(best)) {
                continue;
            }
            if (!verdict.matchesAnywhere() && !verdict.varies()) {
                breaks.addAll(AccountCheck.differences(lines.get(i), histories.get(lines.get(i).id()), window.high(), ""));
            } else {
                recheck.add(verdict.id());
            }
        }
        return new Outcome(best < 0 ? -1 : window.low() + best, breaks, recheck);
    }

    /** The offset in the window that the most accounts match at (the highest among equals), or -1 if none matches. */
    private static int bestHeight(List<AccountCheck.Verdict> verdicts, Window window) {
        int best = -1;
        int bestCount = 0;
        for (int offset = (int) (window.size() - 1); offset >= 0; offset--) {
            int count = 0;
            for (AccountCheck.Verdict verdict : verdicts) {
                if (verdict.matching().get(offset)) {
                    count++;
                }
            }
            if (count > bestCount) {
                best = offset;
                bestCount = count;
            }
        }
        return best;
    }
}
