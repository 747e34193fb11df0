package io.ledgernode.mirror.reconciliation;

/** What started a run: the nightly schedule, or an operator (the command line). */
public enum Trigger {
    SCHEDULED,
    ON_DEMAND
}
