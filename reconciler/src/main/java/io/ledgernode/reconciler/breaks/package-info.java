/**
 * Breaks and the reconciler's record of them. A {@link io.ledgernode.reconciler.breaks.Break} is one typed difference
 * between chain and mirror (a closed set, switched over exhaustively); {@link io.ledgernode.reconciler.breaks.RunLog}
 * writes runs and their breaks to {@code reconciler.runs} and {@code reconciler.breaks} (the reconciler's own role);
 * {@link io.ledgernode.reconciler.breaks.BreakReader} is the read side node-service serves to operators and auditors
 * over a read-only data source, with cursor paging.
 */
package io.ledgernode.reconciler.breaks;
