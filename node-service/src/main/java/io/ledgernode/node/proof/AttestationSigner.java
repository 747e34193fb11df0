package io.ledgernode.node.proof;

import com.google.protobuf.ByteString;
import io.ledgernode.blocks.BlockHashes;
import io.ledgernode.blocks.BlockMetadataSlots;
import io.ledgernode.blocks.MalformedException;
import io.ledgernode.gateway.ChannelBlocks;
import io.ledgernode.gateway.EcdsaSigner;
import io.ledgernode.gateway.LedgerClient;
import io.ledgernode.gateway.NetworkProfile;
import io.ledgernode.proof.bundle.Attestation;
import io.ledgernode.proof.bundle.AttestationStatement;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Objects;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.client.identity.Signer;
import org.hyperledger.fabric.protos.common.Block;

/**
 * Signs this org's validity attestation of a block: the block as this org's own peer holds it (read through
 * {@link ChannelBlocks}, which asks only this org's peers), signed with this node's org identity. ECDSA over SHA-256
 * of the statement, low-S (fabric-gateway's signer), as Fabric itself signs.
 */
public final class AttestationSigner {
    private final ChannelBlocks blocks;
    private final String certificatePem;
    private final Signer signer;

    /**
     * @param blocks      reads this org's peer; its MSP id is the attester's
     * @param certificate the signing identity's certificate, issued by this org's CA
     * @param signer      signs a SHA-256 digest with the identity's private key
     */
    public AttestationSigner(ChannelBlocks blocks, X509Certificate certificate, Signer signer) {
        this.blocks = Objects.requireNonNull(blocks, "blocks");
        this.certificatePem = Pem.of(Objects.requireNonNull(certificate, "certificate"));
        this.signer = Objects.requireNonNull(signer, "signer");
    }

    /** A signer with an identity of the network profile (e.g. {@code User1} of the node's org). */
    public static AttestationSigner fromProfile(ChannelBlocks blocks, NetworkProfile.Identity identity) {
        try (Reader certificate = Files.newBufferedReader(identity.certificateFile());
             Reader key = Files.newBufferedReader(identity.privateKeyFile())) {
            return new AttestationSigner(blocks, Identities.readX509Certificate(certificate),
                    EcdsaSigner.of(Identities.readPrivateKey(key)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the attesting identity " + identity.certificateFile(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot use the attesting identity " + identity.certificateFile() + ": "
                    + e.getMessage(), e);
        }
    }

    public String mspId() {
        return blocks.mspId();
    }

    /** This org's attestation of block {@code blockNumber}, as its peer holds the block now. */
    public Attestation attest(long blockNumber) throws ProofException {
        Block block;
        try {
            if (Long.compareUnsigned(blocks.chainInfo().getHeight(), blockNumber) <= 0) {
                throw new ProofException(ProofException.Reason.BLOCK_NOT_COMMITTED, mspId() + "'s peer does not hold block "
                        + Long.toUnsignedString(blockNumber) + " yet");
            }
            block = blocks.blockByNumber(blockNumber);
        } catch (LedgerClient.LedgerUnavailableException e) {
            throw new ProofException(ProofException.Reason.LEDGER_UNAVAILABLE, e.getMessage(), e);
        }
        return attest(block);
    }

    /** Signs a block already read from this org's peer. */
    Attestation attest(Block block) {
        long number = block.getHeader().getNumber();
        ByteString headerHash = BlockHashes.headerHash(block.getHeader());
        ByteString flags = BlockMetadataSlots.validationFlags(block);
        ByteString commitHash = commitHash(block);
        byte[] statement = AttestationStatement.bytes(blocks.channel(), number, headerHash, flags, commitHash, mspId());
        byte[] signature;
        try {
            signature = signer.sign(BlockHashes.sha256().digest(statement));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + mspId() + "'s attesting identity", e);
        }
        return new Attestation(mspId(), certificatePem, blocks.channel(), number, headerHash, flags, commitHash,
                ByteString.copyFrom(signature));
    }

    /** The peer's commit hash, empty when it recorded none; unreadable only if the peer's own block is damaged. */
    private static ByteString commitHash(Block block) {
        try {
            return BlockMetadataSlots.commitHash(block);
        } catch (MalformedException e) {
            throw new IllegalStateException("block " + Long.toUnsignedString(block.getHeader().getNumber())
                    + " has an unreadable COMMIT_HASH: " + e.getMessage(), e);
        }
    }
}
