package io.ledgernode.proof.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Strict access to the fields of a bundle's JSON objects: each field of the type the format says, no field the
 * format does not name, base64 and hex in their one canonical spelling (so no two texts mean the same bytes).
 */
final class JsonFields {
    private final JsonNode object;
    private final String where;

    private JsonFields(JsonNode object, String where) {
        this.object = object;
        this.where = where;
    }

    /** The object at {@code node}, which must have exactly the fields {@code names}. */
    static JsonFields of(JsonNode node, String where, Set<String> names) throws BundleFormatException {
        if (node == null || !node.isObject()) {
            throw new BundleFormatException(where + " is not a JSON object");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!names.contains(name)) {
                throw new BundleFormatException(where + " has an unknown field '" + name + "'");
            }
        }
        for (String name : names) {
            if (!node.has(name)) {
                throw new BundleFormatException(where + " has no field '" + name + "'");
            }
        }
        return new JsonFields(node, where);
    }

    String where(String field) {
        return where + "." + field;
    }

    JsonNode node(String field) {
        return object.get(field);
    }

    boolean isNull(String field) {
        return object.get(field).isNull();
    }

    String text(String field) throws BundleFormatException {
        JsonNode value = object.get(field);
        if (!value.isTextual()) {
            throw new BundleFormatException(where(field) + " is not a string");
        }
        return value.textValue();
    }

    String textOrNull(String field) throws BundleFormatException {
        return isNull(field) ? null : text(field);
    }

    /** A non-negative integer that fits a signed 64-bit long. */
    long count(String field) throws BundleFormatException {
        JsonNode value = object.get(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            throw new BundleFormatException(where(field) + " is not a non-negative integer");
        }
        return value.longValue();
    }

    int smallCount(String field) throws BundleFormatException {
        long value = count(field);
        if (value > Integer.MAX_VALUE) {
            throw new BundleFormatException(where(field) + " is too large");
        }
        return (int) value;
    }

    boolean bool(String field) throws BundleFormatException {
        JsonNode value = object.get(field);
        if (!value.isBoolean()) {
            throw new BundleFormatException(where(field) + " is not true or false");
        }
        return value.booleanValue();
    }

    List<JsonNode> array(String field, int sizeMax) throws BundleFormatException {
        JsonNode value = object.get(field);
        if (!value.isArray()) {
            throw new BundleFormatException(where(field) + " is not an array");
        }
        if (value.size() > sizeMax) {
            throw new BundleFormatException(where(field) + " has " + value.size() + " items, more than " + sizeMax);
        }
        List<JsonNode> items = new ArrayList<>(value.size());
        value.forEach(items::add);
        return items;
    }

    /** Standard base64 with padding, in its canonical spelling. */
    ByteString base64(String field) throws BundleFormatException {
        String text = text(field);
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new BundleFormatException(where(field) + " is not base64: " + e.getMessage());
        }
        // Base64 decoders ignore the unused low bits of the last character; only the canonical text is accepted, so
        // no character of the file can change without changing the bytes.
        if (!Base64.getEncoder().encodeToString(bytes).equals(text)) {
            throw new BundleFormatException(where(field) + " is not canonical base64");
        }
        return ByteString.copyFrom(bytes);
    }

    ByteString hex(String field) throws BundleFormatException {
        return ByteString.copyFrom(Hex.parse(where(field), text(field)));
    }
}
