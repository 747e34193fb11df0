package io.ledgernode.reports.publish;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgernode.reports.render.JsonRenderer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/**
 * What {@code manifest.json} states: which report this is, the SHA-256 and size of every file beside it, the row
 * count of every table, and the SHA-256 of the previous report's manifest of the same kind and jurisdiction (null
 * for the first), which chains a jurisdiction's reports so none can be dropped from the middle unnoticed.
 */
public record Manifest(int formatVersion, String kind, String jurisdiction, String period, String node, String org,
        long cutOffBlock, String cutOffBlockHash, String generator, List<FileDigest> files, Map<String, Integer> rows,
        String previousManifestSha256) {

    public static final String FILE = "manifest.json";
    public static final String SIGNATURE_FILE = "manifest.json.p7s";
    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One file of the report. */
    public record FileDigest(String name, String sha256, long bytes) {
        public FileDigest {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    public Manifest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(period, "period");
        files = List.copyOf(files);
        rows = Collections.unmodifiableMap(new LinkedHashMap<>(rows));
    }

    /** The digests of these files, in name order. */
    public static List<FileDigest> digests(SortedMap<String, byte[]> files) {
        List<FileDigest> digests = new ArrayList<>();
        files.forEach((name, bytes) -> digests.add(new FileDigest(name, sha256Hex(bytes), bytes.length)));
        return digests;
    }

    /** The canonical bytes: fixed field order, two-space indents, LF line endings. */
    public byte[] toJson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JsonRenderer.generator(out)) {
            json.writeStartObject();
            json.writeNumberField("formatVersion", formatVersion);
            json.writeStringField("kind", kind);
            json.writeStringField("jurisdiction", jurisdiction);
            json.writeStringField("period", period);
            json.writeStringField("node", node);
            json.writeStringField("org", org);
            json.writeNumberField("cutOffBlock", cutOffBlock);
            json.writeStringField("cutOffBlockHash", cutOffBlockHash);
            json.writeStringField("generator", generator);
            json.writeArrayFieldStart("files");
            for (FileDigest file : files) {
                json.writeStartObject();
                json.writeStringField("name", file.name());
                json.writeStringField("sha256", file.sha256());
                json.writeNumberField("bytes", file.bytes());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeObjectFieldStart("rows");
            for (Map.Entry<String, Integer> table : rows.entrySet()) {
                json.writeNumberField(table.getKey(), table.getValue());
            }
            json.writeEndObject();
            json.writeStringField("previousManifestSha256", previousManifestSha256);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory failed", e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    /** Reads a manifest; {@link IOException} naming what is wrong if it is not one. */
    public static Manifest parse(byte[] json) throws IOException {
        JsonNode root = MAPPER.readTree(json);
        if (root == null || !root.isObject()) {
            throw new IOException("not a JSON object");
        }
        List<FileDigest> files = new ArrayList<>();
        for (JsonNode file : required(root, "files")) {
            files.add(new FileDigest(required(file, "name").asText(), required(file, "sha256").asText(),
                    required(file, "bytes").asLong()));
        }
        Map<String, Integer> rows = new LinkedHashMap<>();
        required(root, "rows").properties().forEach(row -> rows.put(row.getKey(), row.getValue().asInt()));
        JsonNode previous = required(root, "previousManifestSha256");
        return new Manifest(required(root, "formatVersion").asInt(), required(root, "kind").asText(),
                required(root, "jurisdiction").asText(), required(root, "period").asText(),
                required(root, "node").asText(), required(root, "org").asText(),
                required(root, "cutOffBlock").asLong(), required(root, "cutOffBlockHash").asText(),
                required(root, "generator").asText(), files, rows, previous.isNull() ? null : previous.asText());
    }

    private static JsonNode required(JsonNode node, String field) throws IOException {
        JsonNode value = node.get(field);
        if (value == null) {
            throw new IOException("field " + field + " is missing");
        }
        return value;
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
