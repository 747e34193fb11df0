/**
 * A running channel's membership, for {@code scripts/ledger join-org}: which member orgs the channel's current
 * configuration holds, that configuration with one more org grafted in, and the config update transaction that
 * carries the difference (which Fabric's {@code configtxlator compute_update} works out) to the orderers, as Fabric's
 * own protobuf messages, so nothing edits the configuration as text.
 */
package io.ledgernode.netconfig.membership;
