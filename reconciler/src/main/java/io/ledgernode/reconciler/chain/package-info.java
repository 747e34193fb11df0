/**
 * The chain side of a reconciliation: what the chain states, read through the node's org's gateway peer. {@link
 * io.ledgernode.reconciler.chain.ChainReader} is the whole interface (heights, paged account and asset listings, a
 * single account, the blocks); {@link io.ledgernode.reconciler.chain.GatewayChainReader} implements it on Fabric, and
 * unit tests supply their own. Values are typed here once: amounts as {@code long} minor units, hashes as bytes.
 */
package io.ledgernode.reconciler.chain;
