/**
 * The hand-off to the report writer: once a run has completed, its result is mapped to the compliance-reports
 * module's {@link io.ledgernode.reports.reconciliation.ReconciliationResult} and given to a
 * {@link io.ledgernode.reconciler.report.ResultHandOff}. Until report publishing is wired in, the hand-off logs a
 * one-line summary.
 */
package io.ledgernode.reconciler.report;
