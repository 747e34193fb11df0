package io.ledgernode.reconciler.compare;

import io.ledgernode.api.listing.AccountLine;
import io.ledgernode.reconciler.mirror.AccountHistory;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Rechecks one account alone: reads it from the chain between two height reads, waits for the mirror to hold that
 * window, and compares. An account that keeps changing is read again, up to {@code compare.recheckAttemptsMax}
 * times; then what differs at the end of the last window is a break, noted as such.
 */
final class Rechecker {

    /** How a recheck ended; {@code chainLine} is the chain's account when it has one. */
    record Outcome(Result result, Optional<AccountLine> chainLine) {
    }

    enum Result {
        /** Chain and mirror agree at some height of the window. */
        MATCHED,
        /** They differ; the breaks are recorded. */
        DIFFERENT,
        /** The mirror has the account and the chain has not; the break is recorded. */
        EXTRA_IN_MIRROR,
        /** Neither side has it at the end of the window: nothing to compare. */
        ON_NEITHER
    }

    private final PassContext run;
    private final int attemptsMax;
    private final int windowBlocksMax;

    Rechecker(PassContext run) {
        this.run = run;
        this.attemptsMax = run.config().recheckAttemptsMax();
        this.windowBlocksMax = run.config().windowBlocksMax();
    }

    Outcome recheck(String id) throws SQLException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            long before = run.chain().height();
            Optional<AccountLine> line = run.chain().account(id);
            Window window = Window.bracket(before, run.chain().height(), windowBlocksMax);
            AccountHistory history = run.mirrorWait().until(window.high(),
                    () -> run.mirror().accounts(List.of(id), window.low(), window.high())).get(id);
            boolean lastAttempt = attempt >= attemptsMax;
            Optional<Outcome> decided = line.isPresent() ? compare(line.get(), history, window, lastAttempt)
                    : absentOnChain(history, window, lastAttempt);
            if (decided.isPresent()) {
                return decided.get();
            }
        }
    }

    private Optional<Outcome> compare(AccountLine line, AccountHistory history, Window window, boolean lastAttempt)
            throws SQLException {
        AccountCheck.Verdict verdict = AccountCheck.verdict(line, history, window);
        if (verdict.matchesAnywhere()) {
            return Optional.of(new Outcome(Result.MATCHED, Optional.of(line)));
        }
        if (verdict.varies() && !lastAttempt) {
            return Optional.empty();
        }
        String note = verdict.varies() ? " (the account changed during each of " + attemptsMax + " rechecks; compared at the last)" : "";
        run.sink().addAll(AccountCheck.differences(line, history, window.high(), note));
        return Optional.of(new Outcome(Result.DIFFERENT, Optional.of(line)));
    }

    /** The chain has no such account as of some height of the window. */
    private Optional<Outcome> absentOnChain(AccountHistory history, Window window, boolean lastAttempt) throws SQLException {
        if (history.row() == null || !history.at(window.high()).exists()) {
            return Optional.of(new Outcome(Result.ON_NEITHER, Optional.empty()));
        }
        boolean openedInWindow = !history.at(window.low()).exists();
        if (openedInWindow && !lastAttempt) {
            return Optional.empty();
        }
        run.sink().add(AccountCheck.extra(history, window.high()));
        return Optional.of(new Outcome(Result.EXTRA_IN_MIRROR, Optional.empty()));
    }
}
