/**
 * The end-of-day balances and supply attestation at the cut-off block: every account of the jurisdiction open at
 * the cut-off with its balance and held amount recomputed from the entries up to the cut-off, and per asset its
 * supply (from mints and burns alone) against the sum of all balances and held amounts of every jurisdiction (the
 * supply is one number for the whole channel), with this jurisdiction's share beside it.
 */
package io.ledgernode.reports.balances;
