package io.ledgernode.node.proof;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgernode.api.money.Entry;
import org.hyperledger.fabric.protos.common.BlockHeader;

/** Writes a {@link ProofBundle} as docs/proof-bundle.md version 1 defines it. */
final class ProofBundleJson {
    // The verifier's names for the format: what the node writes is what the auditor's reader accepts.
    static final String FORMAT = io.ledgernode.proof.bundle.BundleReader.FORMAT;
    static final int VERSION = io.ledgernode.proof.bundle.BundleReader.VERSION;

    private ProofBundleJson() {}

    static byte[] write(ProofBundle bundle) {
        ObjectNode root = ProofJson.NODES.objectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("channel", bundle.channel());
        root.put("txId", bundle.txId());
        ObjectNode block = root.putObject("block");
        block.put("number", bundle.blockNumber());
        block.put("txIndex", bundle.txIndex());
        block.put("protobuf", ProofJson.base64(bundle.block().toByteArray()));
        ObjectNode config = root.putObject("configBlock");
        config.put("number", bundle.configBlock().getHeader().getNumber());
        config.put("protobuf", ProofJson.base64(bundle.configBlock().toByteArray()));
        ArrayNode headers = root.putArray("headers");
        for (BlockHeader header : bundle.headers()) {
            ObjectNode item = headers.addObject();
            item.put("number", header.getNumber());
            item.put("previousHash", ProofJson.hex(header.getPreviousHash().toByteArray()));
            item.put("dataHash", ProofJson.hex(header.getDataHash().toByteArray()));
        }
        root.put("endBlockSignatures", ProofJson.base64(bundle.endBlockSignatures().toByteArray()));
        ArrayNode attestations = root.putArray("attestations");
        bundle.attestations().forEach(attestation -> attestations.add(AttestationJson.node(attestation)));
        ObjectNode claim = root.putObject("claim");
        claim.put("validationCode", bundle.claim().validationCode());
        bundle.claim().effects().ifPresentOrElse(effects -> effects(claim.putObject("effects"), effects),
                () -> claim.putNull("effects"));
        return ProofJson.write(root);
    }

    private static void effects(ObjectNode node, ProofBundle.Effects effects) {
        node.put("applied", effects.applied());
        node.put("chaincode", effects.chaincode());
        node.put("function", effects.function());
        node.put("eventName", effects.eventName());
        ArrayNode entries = node.putArray("entries");
        for (Entry entry : effects.entries()) {
            ObjectNode item = entries.addObject();
            item.put("account", entry.account());
            item.put("asset", entry.asset());
            item.put("kind", entry.kind().name());
            item.put("amount", entry.amount().toString());
            item.put("holdId", entry.holdId());
        }
        ArrayNode writes = node.putArray("writes");
        for (ProofBundle.Write write : effects.writes()) {
            ObjectNode item = writes.addObject();
            item.put("namespace", write.namespace());
            item.put("key", write.key());
            item.put("delete", write.delete());
            item.put("value", ProofJson.base64(write.value()));
        }
    }
}
