package io.ledgernode.proof.trust;

import com.google.protobuf.ByteString;
import io.ledgernode.blocks.BlockHashes;
import io.ledgernode.blocks.MalformedException;
import io.ledgernode.proof.config.ChannelConfig;
import io.ledgernode.proof.config.ConfigBlockReader;
import io.ledgernode.proof.msp.Certificates;
import io.ledgernode.proof.msp.Msp;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.hyperledger.fabric.protos.common.Block;

/**
 * Everything a verification trusts.
 *
 * @param roots            root CA certificates; every MSP root of the bundle's configuration must be one of them
 * @param configBlock      a configuration block the auditor holds (its number and header hash); a bundle carrying the
 *                         same block needs no header chain back to it
 * @param trustedBlock     a block header the auditor holds, which the bundle's header chain must reach
 * @param attestationsMin  how many distinct member orgs must attest the validation flags; empty for the default
 *                         ({@link #defaultAttestationsMin})
 */
public record TrustAnchors(List<X509Certificate> roots, Optional<TrustedBlock> configBlock,
                           Optional<TrustedBlock> trustedBlock, OptionalInt attestationsMin) {
    public TrustAnchors {
        roots = List.copyOf(roots);
        Objects.requireNonNull(configBlock, "configBlock");
        Objects.requireNonNull(trustedBlock, "trustedBlock");
        Objects.requireNonNull(attestationsMin, "attestationsMin");
        if (attestationsMin.isPresent() && attestationsMin.getAsInt() < 1) {
            throw new IllegalArgumentException("at least one attestation is needed, not " + attestationsMin.getAsInt());
        }
    }

    public static TrustAnchors ofRoots(List<X509Certificate> roots) {
        return new TrustAnchors(roots, Optional.empty(), Optional.empty(), OptionalInt.empty());
    }

    /** These anchors plus a configuration block the auditor holds: its MSP roots become trusted roots too. */
    public TrustAnchors withConfigBlock(Block block) throws MalformedException {
        ChannelConfig config = ConfigBlockReader.read(block);
        MalformedException.require(BlockHashes.dataHash(block.getData()).equals(block.getHeader().getDataHash()),
                "the configuration block's data does not match its header's data hash");
        List<X509Certificate> all = new ArrayList<>(roots);
        for (Msp msp : config.msps().all()) {
            all.addAll(msp.roots());
        }
        return new TrustAnchors(all, Optional.of(new TrustedBlock(block.getHeader().getNumber(),
                BlockHashes.headerHash(block.getHeader()))), trustedBlock, attestationsMin);
    }

    public TrustAnchors withTrustedBlock(long number, ByteString headerHash) {
        return new TrustAnchors(roots, configBlock, Optional.of(new TrustedBlock(number, headerHash)), attestationsMin);
    }

    public TrustAnchors withAttestationsMin(int min) {
        return new TrustAnchors(roots, configBlock, trustedBlock, OptionalInt.of(min));
    }

    /** Whether {@code root} is one of the trusted roots (same DER bytes). */
    public boolean trusts(X509Certificate root) {
        return rootEncodings().contains(Certificates.encoded(root));
    }

    private Set<ByteString> rootEncodings() {
        Set<ByteString> encodings = new HashSet<>();
        roots.forEach(root -> encodings.add(Certificates.encoded(root)));
        return encodings;
    }

    /**
     * At least a majority of the channel's member orgs, and at least two when there are two or more: one org alone
     * vouching for its own peer's verdict is not independent evidence.
     */
    public static int defaultAttestationsMin(int memberOrgs) {
        return Math.max(memberOrgs / 2 + 1, Math.min(2, memberOrgs));
    }
}
