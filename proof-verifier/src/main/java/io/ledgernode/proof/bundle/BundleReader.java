package io.ledgernode.proof.bundle;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Parser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.Metadata;

/**
 * Reads a version-1 proof bundle ({@code docs/proof-bundle.md}). The file must be in canonical form, exactly as the
 * node writes it (compact JSON, no whitespace between tokens, an optional final newline), each embedded protobuf
 * must re-encode to its own bytes, and no protobuf message it carries or the verifier decodes from it may hold a field
 * Fabric's messages do not define ({@link UnknownFields}: protobuf-java would keep one and re-encode it unseen): then
 * no byte of the file can change without changing what the checks examine.
 */
public final class BundleReader {
    public static final String FORMAT = "ledger-node-proof-bundle";
    public static final int VERSION = 1;
    public static final String ATTESTATION_FORMAT = "ledger-node-validity-attestation";
    public static final int ATTESTATION_VERSION = 1;

    /** Largest bundle read: a full block of Fabric's 10 MiB maximum, base64, with a long header chain. */
    public static final int BUNDLE_BYTES_MAX = 256 * 1024 * 1024;
    /** Most block headers a bundle may carry. */
    public static final int HEADERS_MAX = 1_000_000;
    /** Most attestations a bundle may carry (one per member org is enough). */
    public static final int ATTESTATIONS_MAX = 64;
    /** Most entries or writes a claim may list. */
    public static final int EFFECTS_MAX = 100_000;

    // The writer's mapper too: the canonical form is whatever this mapper writes.
    static final ObjectMapper JSON = mapper();

    private static final Set<String> BUNDLE_FIELDS = Set.of("format", "version", "channel", "txId", "block",
            "configBlock", "headers", "endBlockSignatures", "attestations", "claim");
    private static final Set<String> BLOCK_FIELDS = Set.of("number", "txIndex", "protobuf");
    private static final Set<String> CONFIG_FIELDS = Set.of("number", "protobuf");
    private static final Set<String> HEADER_FIELDS = Set.of("number", "previousHash", "dataHash");
    private static final Set<String> ATTESTATION_FIELDS = Set.of("format", "version", "mspId", "certificate", "channel",
            "blockNumber", "headerHash", "validationFlags", "commitHash", "signature");
    private static final Set<String> CLAIM_FIELDS = Set.of("validationCode", "effects");
    private static final Set<String> EFFECTS_FIELDS = Set.of("applied", "chaincode", "function", "eventName", "entries",
            "writes");
    private static final Set<String> ENTRY_FIELDS = Set.of("account", "asset", "kind", "amount", "holdId");
    private static final Set<String> WRITE_FIELDS = Set.of("namespace", "key", "delete", "value");

    private BundleReader() {}

    /** The bundle in {@code json}, or why it cannot be read. */
    public static ProofBundle read(byte[] json) throws BundleFormatException {
        JsonFields bundle = JsonFields.of(canonicalTree(json, "bundle"), "bundle", BUNDLE_FIELDS);
        requireFormat(bundle, FORMAT, VERSION);
        JsonFields block = JsonFields.of(bundle.node("block"), "bundle.block", BLOCK_FIELDS);
        JsonFields config = JsonFields.of(bundle.node("configBlock"), "bundle.configBlock", CONFIG_FIELDS);
        Block configBlock = canonicalBlock(config, "configBlock");
        // Only a configuration block's header and data are proven (by the header chain); metadata would be bytes
        // that nothing checks.
        if (configBlock.hasMetadata()) {
            throw new BundleFormatException("bundle.configBlock carries metadata; a bundle carries only its header and data");
        }
        UnknownFields.requireNone(configBlock, "bundle.configBlock", UnknownFields.CONFIG_BLOCK);
        String channel = bundle.text("channel");
        String txId = bundle.text("txId");
        long blockNumber = block.count("number");
        int txIndex = block.smallCount("txIndex");
        Block txBlock = canonicalBlock(block, "block");
        UnknownFields.requireNone(txBlock, "bundle.block", UnknownFields.transactionBlock(txIndex));
        return new ProofBundle(VERSION, channel, txId, blockNumber, txIndex, txBlock,
                config.count("number"), configBlock, headers(bundle), endBlockSignatures(bundle),
                attestations(bundle), claim(JsonFields.of(bundle.node("claim"), "bundle.claim", CLAIM_FIELDS)));
    }

    /** One attestation document, as a node serves it ({@code GET /v1/attestations/{block}}) and a bundle embeds it. */
    public static Attestation readAttestation(byte[] json) throws BundleFormatException {
        return attestation(canonicalTree(json, "attestation"), "attestation");
    }

    /** Parses strictly and insists the text is the one compact form the writer produces. */
    static JsonNode canonicalTree(byte[] json, String what) throws BundleFormatException {
        if (json.length > BUNDLE_BYTES_MAX) {
            throw new BundleFormatException(what + " is " + json.length + " bytes, more than " + BUNDLE_BYTES_MAX);
        }
        byte[] body = json.length > 0 && json[json.length - 1] == '\n' ? Arrays.copyOf(json, json.length - 1) : json;
        JsonNode tree;
        byte[] canonical;
        try {
            tree = JSON.readTree(body);
            canonical = JSON.writeValueAsBytes(tree);
        } catch (IOException e) {
            String reason = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new BundleFormatException(what + " is not valid JSON: " + reason, e);
        }
        if (tree == null || !Arrays.equals(canonical, body)) {
            throw new BundleFormatException(what + " is not in canonical form (compact JSON exactly as the node writes it; "
                    + "was the file reformatted or edited?)");
        }
        return tree;
    }

    private static void requireFormat(JsonFields fields, String format, int version) throws BundleFormatException {
        if (!format.equals(fields.text("format"))) {
            throw new BundleFormatException(fields.where("format") + " is not " + format);
        }
        if (fields.count("version") != version) {
            throw new BundleFormatException(fields.where("version") + " " + fields.node("version")
                    + " is not supported (this verifier reads version " + version + ")");
        }
    }

    private static Block canonicalBlock(JsonFields fields, String what) throws BundleFormatException {
        ByteString bytes = fields.base64("protobuf");
        Block block = parse(Block.parser(), bytes, what);
        // Fabric's blocks are plain protobuf with no maps, so Go and Java encode them identically; a different
        // re-encoding means bytes the checks would not see (a non-minimal length, fields out of order). An unknown
        // field after the known ones re-encodes as it was read: UnknownFields refuses those.
        if (!block.toByteString().equals(bytes)) {
            throw new BundleFormatException("bundle." + what + " is not canonically encoded protobuf");
        }
        return block;
    }

    static <T> T parse(Parser<T> parser, ByteString bytes, String what) throws BundleFormatException {
        try {
            return parser.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new BundleFormatException(what + " is not a valid protobuf message: " + e.getMessage(), e);
        }
    }

    private static List<BlockHeader> headers(JsonFields bundle) throws BundleFormatException {
        List<BlockHeader> headers = new ArrayList<>();
        List<JsonNode> items = bundle.array("headers", HEADERS_MAX);
        for (int i = 0; i < items.size(); i++) {
            JsonFields header = JsonFields.of(items.get(i), "bundle.headers[" + i + "]", HEADER_FIELDS);
            headers.add(BlockHeader.newBuilder().setNumber(header.count("number"))
                    .setPreviousHash(header.hex("previousHash")).setDataHash(header.hex("dataHash")).build());
        }
        return headers;
    }

    private static Metadata endBlockSignatures(JsonFields bundle) throws BundleFormatException {
        ByteString bytes = bundle.base64("endBlockSignatures");
        Metadata metadata = parse(Metadata.parser(), bytes, "bundle.endBlockSignatures");
        if (!metadata.toByteString().equals(bytes)) {
            throw new BundleFormatException("bundle.endBlockSignatures is not canonically encoded protobuf");
        }
        UnknownFields.requireNone(metadata, "bundle.endBlockSignatures", UnknownFields.SIGNATURES);
        return metadata;
    }

    private static List<Attestation> attestations(JsonFields bundle) throws BundleFormatException {
        List<Attestation> attestations = new ArrayList<>();
        List<JsonNode> items = bundle.array("attestations", ATTESTATIONS_MAX);
        for (int i = 0; i < items.size(); i++) {
            attestations.add(attestation(items.get(i), "bundle.attestations[" + i + "]"));
        }
        return attestations;
    }

    private static Attestation attestation(JsonNode node, String where) throws BundleFormatException {
        JsonFields fields = JsonFields.of(node, where, ATTESTATION_FIELDS);
        requireFormat(fields, ATTESTATION_FORMAT, ATTESTATION_VERSION);
        return new Attestation(fields.text("mspId"), fields.text("certificate"), fields.text("channel"),
                fields.count("blockNumber"), fields.hex("headerHash"), fields.hex("validationFlags"),
                fields.hex("commitHash"), fields.base64("signature"));
    }

    private static Claim claim(JsonFields claim) throws BundleFormatException {
        if (claim.isNull("effects")) {
            return new Claim(claim.text("validationCode"), Optional.empty());
        }
        JsonFields effects = JsonFields.of(claim.node("effects"), "bundle.claim.effects", EFFECTS_FIELDS);
        List<ClaimedEntry> entries = new ArrayList<>();
        List<JsonNode> entryItems = effects.array("entries", EFFECTS_MAX);
        for (int i = 0; i < entryItems.size(); i++) {
            JsonFields entry = JsonFields.of(entryItems.get(i), "bundle.claim.effects.entries[" + i + "]", ENTRY_FIELDS);
            entries.add(new ClaimedEntry(entry.text("account"), entry.text("asset"), entry.text("kind"),
                    entry.text("amount"), entry.textOrNull("holdId")));
        }
        List<ClaimedWrite> writes = new ArrayList<>();
        List<JsonNode> writeItems = effects.array("writes", EFFECTS_MAX);
        for (int i = 0; i < writeItems.size(); i++) {
            JsonFields write = JsonFields.of(writeItems.get(i), "bundle.claim.effects.writes[" + i + "]", WRITE_FIELDS);
            writes.add(new ClaimedWrite(write.text("namespace"), write.text("key"), write.bool("delete"),
                    write.base64("value")));
        }
        return new Claim(claim.text("validationCode"), Optional.of(new ClaimedEffects(effects.bool("applied"),
                effects.text("chaincode"), effects.text("function"), effects.textOrNull("eventName"), entries, writes)));
    }

    private static ObjectMapper mapper() {
        JsonFactory factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(BUNDLE_BYTES_MAX)
                        .maxStringLength(BUNDLE_BYTES_MAX)
                        .maxNestingDepth(16)
                        .maxNumberLength(20)
                        .build())
                .build();
        return JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
    }
}
