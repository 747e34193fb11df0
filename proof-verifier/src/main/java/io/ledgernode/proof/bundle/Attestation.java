package io.ledgernode.proof.bundle;

import com.google.protobuf.ByteString;
import java.util.Objects;

/**
 * One member org's signed statement about one block, as its own peer has it: the header hash, the transaction
 * validation flags (block metadata {@code TRANSACTIONS_FILTER}) and the peer's commit hash (metadata
 * {@code COMMIT_HASH}, empty when the peer has none). Orderers sign only the header; these are the peers' verdicts.
 *
 * @param certificatePem the signer's X.509 certificate in PEM; it must chain to {@code mspId}'s root in the channel
 * @param signature      ECDSA (DER, low-S) over SHA-256 of {@link AttestationStatement#of(Attestation)}
 */
public record Attestation(String mspId, String certificatePem, String channel, long blockNumber, ByteString headerHash,
                          ByteString validationFlags, ByteString commitHash, ByteString signature) {
    public Attestation {
        Objects.requireNonNull(mspId, "mspId");
        Objects.requireNonNull(certificatePem, "certificatePem");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(headerHash, "headerHash");
        Objects.requireNonNull(validationFlags, "validationFlags");
        Objects.requireNonNull(commitHash, "commitHash");
        Objects.requireNonNull(signature, "signature");
    }
}
