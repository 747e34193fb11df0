package io.ledgernode.netconfig.lifecycle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Fabric's peer CLI answers, read as data. Each {@link Query} names the command whose standard output it reads and
 * what it prints; a missing answer (nothing committed, nothing approved) prints nothing, which the scripts read as
 * "none". Numbers are accepted as JSON numbers or strings (protobuf's JSON writes 64-bit integers either way).
 */
public final class PeerOutput {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What to read, and from which command's output. */
    public enum Query {
        /** {@code peer channel getinfo}: the channel's height (a line {@code Blockchain info: {...}}). */
        CHANNEL_HEIGHT,
        /** {@code peer lifecycle chaincode querycommitted -n NAME -O json}: the committed sequence. */
        COMMITTED_SEQUENCE,
        /** The same, as status shows it: {@code Version: V, Sequence: N}. */
        COMMITTED_SUMMARY,
        /** The same, for a script: {@code N V} (what a joining org approves: the committed sequence and version). */
        COMMITTED_DEFINITION,
        /** {@code peer lifecycle chaincode queryapproved -n NAME --sequence N -O json}: the approved package id. */
        APPROVED_PACKAGE_ID,
        /** {@code peer lifecycle chaincode queryinstalled -O json}: the installed package ids, one a line. */
        INSTALLED_PACKAGE_IDS;

        /** The query named {@code word} on the command line ({@code channel-height}, ...). */
        public static Query named(String word) {
            for (Query query : values()) {
                if (query.word().equals(word)) {
                    return query;
                }
            }
            throw new IllegalArgumentException("unknown query '" + word + "'");
        }

        public String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Thrown when the output is not what the command prints: the message says what was expected. */
    public static final class UnreadableOutputException extends RuntimeException {
        UnreadableOutputException(String message) {
            super(message);
        }
    }

    private PeerOutput() {
    }

    /** The lines {@code query} reads from {@code output}; empty when the output holds no such answer. */
    public static List<String> read(Query query, String output) {
        return switch (query) {
            case CHANNEL_HEIGHT -> channelHeight(output).map(h -> List.of(Long.toUnsignedString(h))).orElse(List.of());
            case COMMITTED_SEQUENCE -> json(output).map(d -> List.of(String.valueOf(number(d, "sequence")))).orElse(List.of());
            case COMMITTED_SUMMARY -> json(output).map(d -> List.of("Version: " + text(d, "version")
                    + ", Sequence: " + number(d, "sequence"))).orElse(List.of());
            case COMMITTED_DEFINITION -> json(output).map(d -> List.of(number(d, "sequence") + " " + text(d, "version")))
                    .orElse(List.of());
            case APPROVED_PACKAGE_ID -> json(output).map(d -> packageIds(d).stream().limit(1).toList()).orElse(List.of());
            case INSTALLED_PACKAGE_IDS -> json(output).map(PeerOutput::packageIds).orElse(List.of());
        };
    }

    /** {@code Blockchain info: {"height":7,...}}, the one line of getinfo's standard output. */
    private static Optional<Long> channelHeight(String output) {
        String marker = "Blockchain info:";
        for (String line : output.split("\n")) {
            int at = line.indexOf(marker);
            if (at >= 0) {
                return json(line.substring(at + marker.length())).map(info -> number(info, "height"));
            }
        }
        return Optional.empty();
    }

    private static Optional<JsonNode> json(String text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(text);
            if (!node.isObject()) {
                throw new UnreadableOutputException("expected a JSON object, got: " + abbreviated(text));
            }
            return node.isEmpty() ? Optional.empty() : Optional.of(node);
        } catch (JsonProcessingException e) {
            throw new UnreadableOutputException("not JSON: " + abbreviated(text));
        }
    }

    private static long number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value != null && value.isIntegralNumber()) {
            return value.longValue();
        }
        if (value != null && value.isTextual() && value.asText().matches("[0-9]{1,19}")) {
            return Long.parseUnsignedLong(value.asText());
        }
        throw new UnreadableOutputException("no whole number '" + field + "' in " + abbreviated(node.toString()));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new UnreadableOutputException("no text '" + field + "' in " + abbreviated(node.toString()));
        }
        return value.asText();
    }

    /** Every {@code package_id} in the answer, wherever the CLI nests it, in document order. */
    private static List<String> packageIds(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        for (JsonNode id : answer.findValues("package_id")) {
            if (id.isTextual()) {
                ids.add(id.asText());
            }
        }
        return ids;
    }

    private static String abbreviated(String text) {
        String line = text.strip().replace('\n', ' ');
        return line.length() <= 200 ? line : line.substring(0, 200) + "...";
    }
}
