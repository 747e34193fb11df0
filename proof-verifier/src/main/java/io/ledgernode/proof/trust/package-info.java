/**
 * What the auditor trusts, and nothing else: the consortium's root certificates (given as PEM files, or taken from a
 * configuration block they hold independently), optionally a block header hash they already hold, and how many
 * member orgs must attest a block's validation flags.
 */
package io.ledgernode.proof.trust;
