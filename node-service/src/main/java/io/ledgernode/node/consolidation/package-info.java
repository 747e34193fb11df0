/**
 * Keeping hot accounts' balance reads bounded: a background job of the custodian org's node that finds its accounts
 * with many unfolded credits in the mirror and folds them on the chain ({@code Accounts:consolidateCredits}), so the
 * rows any balance read sums stay near the configured threshold however many credits an account receives.
 */
package io.ledgernode.node.consolidation;
