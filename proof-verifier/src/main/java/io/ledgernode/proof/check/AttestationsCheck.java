package io.ledgernode.proof.check;

import com.google.protobuf.ByteString;
import io.ledgernode.blocks.BlockMetadataSlots;
import io.ledgernode.blocks.MalformedException;
import io.ledgernode.proof.bundle.Attestation;
import io.ledgernode.proof.bundle.AttestationStatement;
import io.ledgernode.proof.bundle.Hex;
import io.ledgernode.proof.bundle.ProofBundle;
import io.ledgernode.proof.config.ChannelConfig;
import io.ledgernode.proof.msp.Certificates;
import io.ledgernode.proof.msp.Identity;
import io.ledgernode.proof.msp.InvalidIdentityException;
import io.ledgernode.proof.msp.Signatures;
import io.ledgernode.proof.trust.TrustAnchors;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Orderers sign only the header; which transactions are valid is each peer's own verdict. Member orgs attest it:
 * each attestation must be for this channel, block and header hash, signed by a valid identity of a member org of
 * the channel; every valid attestation must agree (a disagreement is reported, never outvoted); at least the required
 * number of distinct orgs must attest; and the block's own unsigned metadata must say the same as they do.
 */
final class AttestationsCheck {
    private static final Check CHECK = Check.VALIDITY_ATTESTATIONS;

    private AttestationsCheck() {}

    static Established<AttestedFlags> run(Evidence evidence, Optional<ChannelConfig> trustedConfig, TrustAnchors anchors) {
        if (trustedConfig.isEmpty()) {
            return Established.failed(CHECK, "not checked: no authenticated channel configuration");
        }
        ChannelConfig config = trustedConfig.get();
        List<String> problems = new ArrayList<>();
        Map<String, Attestation> byOrg = new TreeMap<>();
        List<Attestation> attestations = evidence.bundle().attestations();
        for (int i = 0; i < attestations.size(); i++) {
            Attestation attestation = attestations.get(i);
            Optional<String> problem = problem(evidence, config, attestation);
            if (problem.isPresent()) {
                problems.add("attestation " + i + " (" + attestation.mspId() + "): " + problem.get());
            } else if (byOrg.containsKey(attestation.mspId()) && !agree(byOrg.get(attestation.mspId()), attestation)) {
                problems.add("attestation " + i + " (" + attestation.mspId() + ") contradicts an earlier one of the same org");
            } else {
                byOrg.putIfAbsent(attestation.mspId(), attestation);
            }
        }
        if (!problems.isEmpty()) {
            return Established.failed(CHECK, String.join("; ", problems));
        }
        return agreed(evidence, byOrg, required(config, anchors));
    }

    private static int required(ChannelConfig config, TrustAnchors anchors) {
        return anchors.attestationsMin().orElse(TrustAnchors.defaultAttestationsMin(config.applicationMspIds().size()));
    }

    private static Optional<String> problem(Evidence evidence, ChannelConfig config, Attestation attestation) {
        ProofBundle bundle = evidence.bundle();
        if (!attestation.channel().equals(bundle.channel())) {
            return Optional.of("it is for channel " + attestation.channel());
        }
        if (attestation.blockNumber() != evidence.blockNumber()) {
            return Optional.of("it is for block " + Long.toUnsignedString(attestation.blockNumber()));
        }
        if (!attestation.headerHash().equals(evidence.blockHash())) {
            return Optional.of("it attests header hash " + Hex.of(attestation.headerHash().toByteArray())
                    + ", block " + Long.toUnsignedString(evidence.blockNumber()) + "'s is " + Hex.of(evidence.blockHash().toByteArray()));
        }
        if (!config.applicationMspIds().contains(attestation.mspId())) {
            return Optional.of(attestation.mspId() + " is not a member org of the channel");
        }
        Identity signer;
        byte[] statement;
        try {
            signer = config.msps().identity(attestation.mspId(), Certificates.readCanonical(attestation.certificatePem()));
            statement = AttestationStatement.of(attestation);
        } catch (CertificateException | InvalidIdentityException | IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        return Signatures.problem(signer, statement, attestation.signature())
                .map(p -> "signature by " + signer.describe() + ": " + p);
    }

    private static boolean agree(Attestation a, Attestation b) {
        return a.validationFlags().equals(b.validationFlags()) && a.commitHash().equals(b.commitHash());
    }

    private static Established<AttestedFlags> agreed(Evidence evidence, Map<String, Attestation> byOrg, int required) {
        String block = "block " + Long.toUnsignedString(evidence.blockNumber());
        Attestation first = byOrg.values().stream().findFirst().orElse(null);
        if (first == null) {
            return Established.failed(CHECK, "no member org attests " + block + "; at least " + required + " required");
        }
        if (byOrg.values().stream().anyMatch(a -> !agree(first, a))) {
            List<String> views = new ArrayList<>();
            byOrg.values().forEach(a -> views.add(a.mspId() + " attests flags " + Hex.of(a.validationFlags().toByteArray())
                    + " and commit hash " + Hex.of(a.commitHash().toByteArray())));
            return Established.failed(CHECK, "member orgs disagree about " + block + ": " + String.join("; ", views));
        }
        List<String> orgs = List.copyOf(byOrg.keySet());
        if (orgs.size() < required) {
            return Established.failed(CHECK, "only " + orgs.size() + " member org(s) (" + String.join(", ", orgs)
                    + ") attest " + block + "; at least " + required + " required");
        }
        Optional<String> mismatch = ownMetadataMismatch(evidence, first);
        if (mismatch.isPresent()) {
            return Established.failed(CHECK, mismatch.get());
        }
        return Established.passed(CHECK, String.join(", ", orgs) + " attest the same validation flags "
                + Hex.of(first.validationFlags().toByteArray()) + " and commit hash " + Hex.of(first.commitHash().toByteArray())
                + " for " + block + " (" + orgs.size() + " member org(s), at least " + required + " required)",
                new AttestedFlags(first.validationFlags(), first.commitHash(), orgs));
    }

    /** The flags must cover every envelope, and the block's own peer-written metadata must match the attestations. */
    private static Optional<String> ownMetadataMismatch(Evidence evidence, Attestation attested) {
        int envelopes = evidence.bundle().block().getData().getDataCount();
        if (attested.validationFlags().size() != envelopes) {
            return Optional.of("the attested flags cover " + attested.validationFlags().size() + " transactions, the block has "
                    + envelopes);
        }
        ByteString ownFlags = BlockMetadataSlots.validationFlags(evidence.bundle().block());
        if (!ownFlags.equals(attested.validationFlags())) {
            return Optional.of("the block's own TRANSACTIONS_FILTER " + Hex.of(ownFlags.toByteArray())
                    + " differs from the attested flags " + Hex.of(attested.validationFlags().toByteArray()));
        }
        try {
            ByteString ownCommit = BlockMetadataSlots.commitHash(evidence.bundle().block());
            return ownCommit.equals(attested.commitHash()) ? Optional.empty()
                    : Optional.of("the block's own COMMIT_HASH " + Hex.of(ownCommit.toByteArray())
                            + " differs from the attested commit hash " + Hex.of(attested.commitHash().toByteArray()));
        } catch (MalformedException e) {
            return Optional.of(e.getMessage());
        }
    }
}
