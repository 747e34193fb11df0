package io.ledgernode.node.proof;

import io.ledgernode.proof.bundle.Attestation;

/** Where a member org's attestation of a block comes from: this node's signer, or another org's node. */
public interface AttestationSource {

    /** Names the source in messages: the org, and where it is reached. */
    String name();

    /**
     * The org's attestation of block {@code blockNumber}; {@link ProofException.Reason#BLOCK_NOT_COMMITTED} when its
     * peer does not hold the block yet (worth asking again shortly).
     */
    Attestation attestation(long blockNumber) throws ProofException;
}
