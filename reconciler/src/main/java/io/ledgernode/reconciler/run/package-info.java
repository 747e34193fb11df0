/**
 * Running one reconciliation: take the run lock (a PostgreSQL advisory lock, so no two runs ever overlap, whether
 * scheduled or on demand, in one process or several), record the run, compare, record the outcome, and hand the
 * result to the report writer. {@link io.ledgernode.reconciler.run.RunOutcome} is every way a run can end.
 */
package io.ledgernode.reconciler.run;
