/**
 * The one Fabric block kit of the node: decoding a {@code common.Block} and its envelopes exactly as Fabric's
 * validator reads them ({@link io.ledgernode.blocks.TransactionDecoder}), the header and data hashes exactly as
 * protoutil computes them ({@link io.ledgernode.blocks.BlockHashes}), the metadata slots (orderer signatures with the
 * signed last-config index, the peer's validation flags and commit hash), and the header chain. Pure functions over
 * Fabric's protobuf messages: no network, no clock, no state, so the offline proof verifier can use it as well as the
 * sync bridge and the node. (The reconciler keeps its own hash code on purpose: an independent check must not share
 * the code it checks.)
 */
package io.ledgernode.blocks;
