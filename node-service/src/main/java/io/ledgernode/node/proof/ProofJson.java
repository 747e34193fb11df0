package io.ledgernode.node.proof;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Set;

/**
 * The JSON of proof bundles and attestations as docs/proof-bundle.md defines it, written in the one canonical form
 * the verifier accepts: compact (no whitespace between tokens), Jackson's escaping, hashes in lowercase hex, bytes
 * in standard padded base64.
 */
final class ProofJson {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final HexFormat HEX = HexFormat.of();

    private ProofJson() {}

    static byte[] write(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            // A tree of plain nodes always serializes.
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The object's fields, which must be exactly {@code names}; anything else is an {@link IllegalArgumentException}. */
    static ObjectNode object(JsonNode node, String where, Set<String> names) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(where + " is not a JSON object");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!names.contains(name)) {
                throw new IllegalArgumentException(where + " has an unknown field '" + name + "'");
            }
        }
        for (String name : names) {
            if (!node.has(name)) {
                throw new IllegalArgumentException(where + " has no field '" + name + "'");
            }
        }
        return (ObjectNode) node;
    }

    static String text(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        if (!value.isTextual()) {
            throw new IllegalArgumentException(field + " is not a string");
        }
        return value.textValue();
    }

    static long count(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            throw new IllegalArgumentException(field + " is not a non-negative integer");
        }
        return value.longValue();
    }

    static byte[] fromHex(ObjectNode node, String field) {
        return HEX.parseHex(text(node, field));
    }

    static byte[] fromBase64(ObjectNode node, String field) {
        return Base64.getDecoder().decode(text(node, field));
    }
}
