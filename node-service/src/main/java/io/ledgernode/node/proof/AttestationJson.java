package io.ledgernode.node.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Set;

/**
 * An attestation as JSON: the body of {@code GET /v1/attestations/{blockNumber}} and, verbatim, an item of a bundle's
 * {@code attestations}. Format {@value #FORMAT}, version {@value #VERSION} (docs/proof-bundle.md).
 */
public final class AttestationJson {
    // The verifier's names for the format are the only ones: a node never writes what an auditor cannot read.
    public static final String FORMAT = io.ledgernode.proof.bundle.BundleReader.ATTESTATION_FORMAT;
    public static final int VERSION = io.ledgernode.proof.bundle.BundleReader.ATTESTATION_VERSION;
    /** Media type of the attestation endpoint's answer. */
    public static final String MEDIA_TYPE = "application/json";

    private static final Set<String> FIELDS = Set.of("format", "version", "mspId", "certificate", "channel", "blockNumber",
            "headerHash", "validationFlags", "commitHash", "signature");

    private AttestationJson() {}

    /** The compact JSON bytes of an attestation, as the attestation endpoint answers. */
    public static byte[] write(Attestation attestation) {
        return ProofJson.write(node(attestation));
    }

    static ObjectNode node(Attestation attestation) {
        ObjectNode node = ProofJson.NODES.objectNode();
        node.put("format", FORMAT);
        node.put("version", VERSION);
        node.put("mspId", attestation.mspId());
        node.put("certificate", attestation.certificatePem());
        node.put("channel", attestation.channel());
        node.put("blockNumber", attestation.blockNumber());
        node.put("headerHash", ProofJson.hex(attestation.headerHash()));
        node.put("validationFlags", ProofJson.hex(attestation.validationFlags()));
        node.put("commitHash", ProofJson.hex(attestation.commitHash()));
        node.put("signature", ProofJson.base64(attestation.signature()));
        return node;
    }

    /** Reads an attestation another org's node served; anything but the exact format is an {@link IllegalArgumentException}. */
    public static Attestation read(byte[] json) {
        JsonNode tree;
        try {
            tree = ProofJson.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        ObjectNode node = ProofJson.object(tree, "attestation", FIELDS);
        if (!FORMAT.equals(ProofJson.text(node, "format")) || ProofJson.count(node, "version") != VERSION) {
            throw new IllegalArgumentException("not a version " + VERSION + " " + FORMAT);
        }
        return new Attestation(ProofJson.text(node, "mspId"), ProofJson.text(node, "certificate"),
                ProofJson.text(node, "channel"), ProofJson.count(node, "blockNumber"), ProofJson.fromHex(node, "headerHash"),
                ProofJson.fromHex(node, "validationFlags"), ProofJson.fromHex(node, "commitHash"),
                ProofJson.fromBase64(node, "signature"));
    }
}
