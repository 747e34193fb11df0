/**
 * The mirror side of a reconciliation, read only (role {@code ledger_reader}). The mirror holds the latest state
 * (accounts, holds, assets) and its history (entries with their block numbers, holds with the blocks that placed and
 * closed them), so the state of any account or asset <em>as of a height</em> (the first {@code h} blocks applied) is
 * exact: the latest state minus the effects of the blocks from {@code h} on. Each page is read in one
 * repeatable-read transaction together with the checkpoint, so the latest state and the history agree: the mirror
 * module's snapshot ({@link io.ledgernode.mirror.MirrorView}), its shared queries where they fit, and the
 * reconciliation's own sums over its tables ({@link io.ledgernode.mirror.MirrorTables}).
 */
package io.ledgernode.reconciler.mirror;
