/**
 * Fabric blocks read for a proof: the header and data hashes exactly as protoutil computes them, the metadata slots
 * (orderer signatures with the signed last-config index, the peer's validation flags and commit hash), and the
 * transaction envelope decoded down to its creator, endorsements, chaincode event and world-state writes.
 */
package io.ledgernode.proof.block;
