package io.ledgernode.node.proof;

import io.ledgernode.proof.bundle.Attestation;
import java.util.Objects;

/** This node's own org's attestation, signed here. */
public final class LocalAttestationSource implements AttestationSource {
    private final AttestationSigner signer;

    public LocalAttestationSource(AttestationSigner signer) {
        this.signer = Objects.requireNonNull(signer, "signer");
    }

    @Override
    public String name() {
        return signer.mspId() + " (this node)";
    }

    @Override
    public Attestation attestation(long blockNumber) throws ProofException {
        return signer.attest(blockNumber);
    }
}
