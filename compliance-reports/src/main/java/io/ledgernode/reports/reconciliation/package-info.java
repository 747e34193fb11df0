/**
 * The reconciliation report, from the reconciler's {@link io.ledgernode.reports.reconciliation.ReconciliationResult}:
 * the run, the block it is consistent at with that block's hash, what it compared, and every break of the
 * jurisdiction. Breaks without a jurisdiction (a block hash or a supply break, which concern every account) appear in
 * every jurisdiction's report.
 */
package io.ledgernode.reports.reconciliation;
