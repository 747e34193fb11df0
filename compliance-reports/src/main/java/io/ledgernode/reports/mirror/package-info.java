/**
 * Reading the mirror at a cut-off block, as the read-only role {@code ledger_reader}: the block and its hash, the
 * accounts open at it with their balance and held amount recomputed from the entries up to it (the mirror's
 * {@code accounts.balance} is the current one, not the cut-off's), and a day's money movements, each a transfer leg,
 * mint, burn or hold step paired from its entries.
 */
package io.ledgernode.reports.mirror;
