package io.ledgernode.node.proof;

import com.google.protobuf.ByteString;
import java.util.Arrays;
import java.util.Objects;

/**
 * One member org's signed statement about one block as its own peer holds it: header hash, validation flags
 * ({@code TRANSACTIONS_FILTER}) and commit hash ({@code COMMIT_HASH}, empty when the peer has none). The signature is
 * over {@link io.ledgernode.proof.bundle.AttestationStatement#bytes} (the verifier's own definition). Arrays are copied in and out: an attestation never changes.
 *
 * @param certificatePem the signer's certificate in canonical PEM (64-character lines, one final newline)
 */
public record Attestation(String mspId, String certificatePem, String channel, long blockNumber, byte[] headerHash,
                          byte[] validationFlags, byte[] commitHash, byte[] signature) {
    public Attestation {
        Objects.requireNonNull(mspId, "mspId");
        Objects.requireNonNull(certificatePem, "certificatePem");
        Objects.requireNonNull(channel, "channel");
        headerHash = headerHash.clone();
        validationFlags = validationFlags.clone();
        commitHash = commitHash.clone();
        signature = signature.clone();
    }

    @Override
    public byte[] headerHash() {
        return headerHash.clone();
    }

    @Override
    public byte[] validationFlags() {
        return validationFlags.clone();
    }

    @Override
    public byte[] commitHash() {
        return commitHash.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The statement this attestation's signature covers. */
    public byte[] statement() {
        return io.ledgernode.proof.bundle.AttestationStatement.bytes(channel, blockNumber, ByteString.copyFrom(headerHash),
                ByteString.copyFrom(validationFlags), ByteString.copyFrom(commitHash), mspId);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Attestation that && mspId.equals(that.mspId) && certificatePem.equals(that.certificatePem)
                && channel.equals(that.channel) && blockNumber == that.blockNumber
                && Arrays.equals(headerHash, that.headerHash) && Arrays.equals(validationFlags, that.validationFlags)
                && Arrays.equals(commitHash, that.commitHash) && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mspId, channel, blockNumber, Arrays.hashCode(headerHash), Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "Attestation[" + mspId + " block " + Long.toUnsignedString(blockNumber) + "]";
    }
}
