/**
 * Breaks and the reconciler's record of them. A {@link io.ledgernode.reconciler.breaks.Break} is one typed difference
 * between chain and mirror (a closed set, switched over exhaustively); {@link io.ledgernode.reconciler.breaks.RunLog}
 * writes runs and their breaks to {@code reconciler.runs} and {@code reconciler.breaks} (the reconciler's own role).
 * Their read side, and the names they are stored by ({@code BreakType}, {@code RunStatus}, {@code Trigger}), live in
 * the mirror module's {@code io.ledgernode.mirror.reconciliation}, which node-service reads them with too.
 */
package io.ledgernode.reconciler.breaks;
