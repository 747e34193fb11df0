/**
 * The read side of the reconciler's runs and breaks ({@code reconciler.runs}, {@code reconciler.breaks}), and the
 * closed sets they are stored by: {@link io.ledgernode.mirror.reconciliation.BreakType},
 * {@link io.ledgernode.mirror.reconciliation.RunStatus}, {@link io.ledgernode.mirror.reconciliation.Trigger}. The
 * reconciler owns these tables (it writes them and carries their migrations); they live in the node's database beside
 * the mirror, so their one read API lives here, where node-service (serving them to operators and auditors over the
 * read-only role {@code ledger_reader}) and the reconciler both reach it without the reconciler's scheduler or
 * migrations. {@link io.ledgernode.mirror.reconciliation.BreakReader} pages by cursor, every page bounded.
 */
package io.ledgernode.mirror.reconciliation;
