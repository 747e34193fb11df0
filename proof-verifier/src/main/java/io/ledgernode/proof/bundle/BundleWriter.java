package io.ledgernode.proof.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import java.util.Base64;
import org.hyperledger.fabric.protos.common.BlockHeader;

/**
 * Writes a version-1 proof bundle and an attestation document ({@code docs/proof-bundle.md}) in the one canonical
 * form {@link BundleReader} accepts: compact JSON (the reader's own mapper), hashes in lowercase hex, bytes in
 * standard padded base64. The node that serves proofs writes through this class, so what it serves is by
 * construction what an auditor's verifier reads.
 */
public final class BundleWriter {
    /** Media type of a bundle and of an attestation document. */
    public static final String MEDIA_TYPE = "application/json";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private BundleWriter() {}

    /** The bundle file's bytes. */
    public static byte[] write(ProofBundle bundle) {
        ObjectNode root = NODES.objectNode();
        root.put("format", BundleReader.FORMAT);
        root.put("version", bundle.version());
        root.put("channel", bundle.channel());
        root.put("txId", bundle.txId());
        ObjectNode block = root.putObject("block");
        block.put("number", bundle.blockNumber());
        block.put("txIndex", bundle.txIndex());
        block.put("protobuf", base64(bundle.block().toByteString()));
        ObjectNode config = root.putObject("configBlock");
        config.put("number", bundle.configBlockNumber());
        config.put("protobuf", base64(bundle.configBlock().toByteString()));
        ArrayNode headers = root.putArray("headers");
        for (BlockHeader header : bundle.headers()) {
            ObjectNode item = headers.addObject();
            item.put("number", header.getNumber());
            item.put("previousHash", Hex.of(header.getPreviousHash().toByteArray()));
            item.put("dataHash", Hex.of(header.getDataHash().toByteArray()));
        }
        root.put("endBlockSignatures", base64(bundle.endBlockSignatures().toByteString()));
        ArrayNode attestations = root.putArray("attestations");
        bundle.attestations().forEach(attestation -> attestations.add(attestation(attestation)));
        ObjectNode claim = root.putObject("claim");
        claim.put("validationCode", bundle.claim().validationCode());
        bundle.claim().effects().ifPresentOrElse(effects -> effects(claim.putObject("effects"), effects),
                () -> claim.putNull("effects"));
        return bytes(root);
    }

    /** The attestation document's bytes: the answer of {@code GET /v1/attestations/{block}}, and a bundle's item. */
    public static byte[] writeAttestation(Attestation attestation) {
        return bytes(attestation(attestation));
    }

    private static ObjectNode attestation(Attestation attestation) {
        ObjectNode node = NODES.objectNode();
        node.put("format", BundleReader.ATTESTATION_FORMAT);
        node.put("version", BundleReader.ATTESTATION_VERSION);
        node.put("mspId", attestation.mspId());
        node.put("certificate", attestation.certificatePem());
        node.put("channel", attestation.channel());
        node.put("blockNumber", attestation.blockNumber());
        node.put("headerHash", Hex.of(attestation.headerHash().toByteArray()));
        node.put("validationFlags", Hex.of(attestation.validationFlags().toByteArray()));
        node.put("commitHash", Hex.of(attestation.commitHash().toByteArray()));
        node.put("signature", base64(attestation.signature()));
        return node;
    }

    private static void effects(ObjectNode node, ClaimedEffects effects) {
        node.put("applied", effects.applied());
        node.put("chaincode", effects.chaincode());
        node.put("function", effects.function());
        node.put("eventName", effects.eventName());
        ArrayNode entries = node.putArray("entries");
        for (ClaimedEntry entry : effects.entries()) {
            ObjectNode item = entries.addObject();
            item.put("account", entry.account());
            item.put("asset", entry.asset());
            item.put("kind", entry.kind());
            item.put("amount", entry.amount());
            item.put("holdId", entry.holdId());
        }
        ArrayNode writes = node.putArray("writes");
        for (ClaimedWrite write : effects.writes()) {
            ObjectNode item = writes.addObject();
            item.put("namespace", write.namespace());
            item.put("key", write.key());
            item.put("delete", write.delete());
            item.put("value", base64(write.value()));
        }
    }

    private static String base64(ByteString bytes) {
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return BundleReader.JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            // A tree of plain nodes always serializes.
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
