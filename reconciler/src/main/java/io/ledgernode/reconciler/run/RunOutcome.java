package io.ledgernode.reconciler.run;

import io.ledgernode.reconciler.compare.Reconciliation;
import java.util.Objects;

/** Every way a request to reconcile can end; the command line maps each to its exit status. */
public sealed interface RunOutcome {

    /** Completed: chain and mirror agree everywhere. Exit status 0. */
    record Clean(long runId, Reconciliation.Summary summary) implements RunOutcome {
    }

    /** Completed with breaks, all recorded under the run. Exit status 1. */
    record BreaksFound(long runId, Reconciliation.Summary summary) implements RunOutcome {
    }

    /** Not run: another run holds the lock. Exit status 3. */
    record Busy(String holder) implements RunOutcome {
        public Busy {
            Objects.requireNonNull(holder, "holder");
        }
    }

    /**
     * Started but could not compare everything (chain or mirror unreachable, the mirror lagging beyond the wait, the
     * peer's own blocks inconsistent); recorded as FAILED with the reason, and the breaks found before stay recorded.
     * {@code runId} is -1 when the failure came before the run could be recorded. Exit status 4.
     */
    record Failed(long runId, String reason) implements RunOutcome {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The exit status of the command line. */
    default int exitStatus() {
        return switch (this) {
            case Clean clean -> 0;
            case BreaksFound found -> 1;
            case Busy busy -> 3;
            case Failed failed -> 4;
        };
    }
}
