package io.ledgernode.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.function.UnaryOperator;
import org.hyperledger.fabric.protos.common.Block;

/**
 * Alters one part of a bundle and writes it back in canonical form, so that only the altered bytes differ and the
 * check that catches the change (not the reader) is what a test sees.
 */
final class Mutations {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode root;

    private Mutations(ObjectNode root) {
        this.root = root;
    }

    static Mutations of(byte[] bundle) {
        try {
            return new Mutations((ObjectNode) JSON.readTree(bundle));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] bytes() {
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ObjectNode root() {
        return root;
    }

    Block block() {
        return block("block");
    }

    Block configBlock() {
        return block("configBlock");
    }

    Mutations block(UnaryOperator<Block> change) {
        return block("block", change);
    }

    Mutations configBlock(UnaryOperator<Block> change) {
        return block("configBlock", change);
    }

    ObjectNode attestation(int index) {
        return (ObjectNode) root.get("attestations").get(index);
    }

    ArrayNode attestations() {
        return (ArrayNode) root.get("attestations");
    }

    ObjectNode header(int index) {
        return (ObjectNode) root.get("headers").get(index);
    }

    ObjectNode claim() {
        return (ObjectNode) root.get("claim");
    }

    /** Flips the low bit of the byte at {@code hexIndex} of a hex field. */
    static void flipHex(ObjectNode node, String field, int byteIndex) {
        byte[] bytes = java.util.HexFormat.of().parseHex(node.get(field).textValue());
        bytes[byteIndex] ^= 1;
        node.put(field, java.util.HexFormat.of().formatHex(bytes));
    }

    static void flipBase64(ObjectNode node, String field, int byteIndex) {
        byte[] bytes = Base64.getDecoder().decode(node.get(field).textValue());
        bytes[byteIndex] ^= 1;
        node.put(field, Base64.getEncoder().encodeToString(bytes));
    }

    /** {@code whole} with one bit flipped inside the first occurrence of {@code part}, at {@code offset} within it. */
    static ByteString flipWithin(ByteString whole, ByteString part, int offset) {
        byte[] bytes = whole.toByteArray();
        int at = indexOf(bytes, part.toByteArray());
        if (at < 0) {
            throw new IllegalArgumentException("part not found");
        }
        bytes[at + offset] ^= 1;
        return ByteString.copyFrom(bytes);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private Block block(String field) {
        try {
            return Block.parseFrom(Base64.getDecoder().decode(root.get(field).get("protobuf").textValue()));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    private Mutations block(String field, UnaryOperator<Block> change) {
        ((ObjectNode) root.get(field)).put("protobuf",
                Base64.getEncoder().encodeToString(change.apply(block(field)).toByteArray()));
        return this;
    }

    static JsonNode parse(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
