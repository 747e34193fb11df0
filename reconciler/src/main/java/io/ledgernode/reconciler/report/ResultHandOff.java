package io.ledgernode.reconciler.report;

import io.ledgernode.reports.reconciliation.ReconciliationResult;
import java.util.logging.Logger;

/**
 * Receives the result of every completed run, after its breaks and completion are committed. The report publisher
 * plugs in here (see {@code Runner}, "REPORT HAND-OFF"). A failure to publish does not undo the run: it is recorded,
 * and the publisher may be run again from the recorded run.
 */
@FunctionalInterface
public interface ResultHandOff {

    void accept(ReconciliationResult result) throws Exception;

    /** Until a publisher is wired in: one log line per run. */
    static ResultHandOff logging() {
        return result -> Logger.getLogger(ResultHandOff.class.getName()).info(() -> "run " + result.runId()
                + " consistent at block " + result.consistentAtBlock() + ": " + result.accountsCompared() + " accounts, "
                + result.assetsCompared() + " assets, " + result.blocksCompared() + " blocks, " + result.breaks().size() + " breaks");
    }
}
