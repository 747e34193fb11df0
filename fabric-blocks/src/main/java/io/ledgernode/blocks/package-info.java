/**
 * The one Fabric block kit of the node: decoding a {@code common.Block} and its envelopes exactly as Fabric's
 * validator reads them ({@link io.ledgernode.blocks.TransactionDecoder}), the header and data hashes exactly as
 * protoutil computes them ({@link io.ledgernode.blocks.BlockHashes}), the metadata slots (orderer signatures with the
 * signed last-config index, the peer's validation flags and commit hash), and the header chain. {@link
 * io.ledgernode.blocks.BlockParser} reads a committed block exactly, or not at all, into a {@link
 * io.ledgernode.blocks.ParsedBlock}: hashes checked, every envelope's validation code, and for each endorser
 * transaction the chaincode, function, creator and chaincode event (the sync-bridge mirrors it; anything it cannot read
 * exactly is a {@link io.ledgernode.blocks.BlockParseException}, so the bridge stops rather than guess). Pure functions
 * over Fabric's protobuf messages: no network, no clock, no state, so the offline proof verifier can use it as well as
 * the sync bridge, the node and the reconciler. (The reconciler keeps its own hash code on purpose: an independent
 * check must not share the code it checks.)
 */
package io.ledgernode.blocks;
