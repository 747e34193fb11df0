package io.ledgernode.mirror.reconciliation;

/** Where a run is: running, completed (its breaks are all recorded), or failed (it could not compare everything). */
public enum RunStatus {
    RUNNING,
    COMPLETED,
    FAILED
}
