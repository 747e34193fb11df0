package io.ledgernode.reconciler.schedule;

import io.ledgernode.mirror.reconciliation.Trigger;
import io.ledgernode.reconciler.run.RunOutcome;
import io.ledgernode.reconciler.run.Runner;
import java.util.logging.Logger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.InterruptableJob;
import org.quartz.JobExecutionContext;

/** The scheduled run. Quartz creates it through {@link RunnerJobFactory}, with the process's {@link Runner}. */
@DisallowConcurrentExecution
public final class ReconcileJob implements InterruptableJob {

    private static final Logger LOG = Logger.getLogger(ReconcileJob.class.getName());

    private final Runner runner;
    private volatile Thread worker;

    ReconcileJob(Runner runner) {
        this.runner = runner;
    }

    @Override
    public void execute(JobExecutionContext context) {
        worker = Thread.currentThread();
        try {
            RunOutcome outcome = runner.runOnce(Trigger.SCHEDULED);
            // Listeners (and tests) read what the run came to from the context.
            context.setResult(outcome);
            switch (outcome) {
                case RunOutcome.Clean clean -> LOG.info(() -> "scheduled run " + clean.runId() + ": no breaks");
                case RunOutcome.BreaksFound found -> LOG.warning(() -> "scheduled run " + found.runId() + ": "
                        + found.summary().breaksFound() + " breaks");
                // Quartz alone does not keep two members from running this job at once: a member whose acquired
                // trigger was blocked releases it back to WAITING while the other member's run goes on. The run
                // lock is what holds, and the run in progress covers this trigger's slot.
                case RunOutcome.Busy busy -> LOG.info(() -> "scheduled run skipped: another run holds the lock (" + busy.holder() + ")");
                case RunOutcome.Failed failed -> LOG.warning(() -> "scheduled run " + failed.runId() + " failed: " + failed.reason());
            }
        } finally {
            worker = null;
        }
    }

    /** Stops a run in progress (on shutdown): it ends FAILED, its breaks so far recorded. */
    @Override
    public void interrupt() {
        Thread running = worker;
        if (running != null) {
            running.interrupt();
        }
    }
}
