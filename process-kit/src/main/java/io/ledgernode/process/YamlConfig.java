package io.ledgernode.process;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A process's configuration: the defaults of its {@code application.yaml} (which holds every key), overridden by an
 * operator's file, then by single {@code key=value} overrides, read into the process's record tree. A key the defaults
 * do not have is refused by name, so a misspelt override cannot pass unnoticed. Every mistake is an
 * {@link IllegalArgumentException} whose message is one line.
 */
public final class YamlConfig {

    /** The classpath resource holding every setting of a process with its default. */
    public static final String DEFAULTS = "/application.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES);

    private YamlConfig() {
    }

    /** {@link #load(Class, String, Optional, Map)} with the process's {@value #DEFAULTS}. */
    public static <T> T load(Class<T> type, Optional<Path> operatorFile, Map<String, String> overrides) {
        return load(type, DEFAULTS, operatorFile, overrides);
    }

    /**
     * The defaults of classpath resource {@code defaults} (found through {@code type}'s class loader), overridden by
     * {@code operatorFile} if given, then by {@code overrides} (dotted keys such as {@code database.url}, e.g. from
     * {@code --set}), as a {@code type}.
     */
    public static <T> T load(Class<T> type, String defaults, Optional<Path> operatorFile, Map<String, String> overrides) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(operatorFile, "operatorFile");
        Objects.requireNonNull(overrides, "overrides");
        try (InputStream in = type.getResourceAsStream(defaults)) {
            if (in == null) {
                throw new IllegalStateException("no " + defaults + " on the classpath of " + type.getName());
            }
            ObjectNode tree = (ObjectNode) YAML.readTree(in);
            if (operatorFile.isPresent()) {
                if (!(YAML.readTree(operatorFile.get().toFile()) instanceof ObjectNode operator)) {
                    throw new IllegalArgumentException("configuration file " + operatorFile.get() + " is not a YAML mapping");
                }
                merge(tree, operator);
            }
            overrides.forEach((key, value) -> set(tree, key, value));
            return YAML.treeToValue(tree, type);
        } catch (IOException e) {
            // A record's own validation (an IllegalArgumentException) names the key better than Jackson's wrapper.
            Throwable cause = e.getCause() instanceof IllegalArgumentException invalid ? invalid : e;
            throw new IllegalArgumentException("bad configuration: " + firstLine(cause.getMessage()), e);
        }
    }

    private static void merge(ObjectNode target, ObjectNode source) {
        for (var field : source.properties()) {
            if (field.getValue() instanceof ObjectNode child && target.get(field.getKey()) instanceof ObjectNode existing) {
                merge(existing, child);
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }

    private static void set(ObjectNode tree, String dottedKey, String value) {
        String[] parts = dottedKey.split("\\.");
        ObjectNode node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            if (!(node.get(parts[i]) instanceof ObjectNode child)) {
                throw new IllegalArgumentException("unknown configuration key " + dottedKey);
            }
            node = child;
        }
        String leaf = parts[parts.length - 1];
        if (!node.has(leaf) || node.get(leaf) instanceof ObjectNode) {
            throw new IllegalArgumentException("unknown configuration key " + dottedKey);
        }
        node.put(leaf, value);
    }

    private static String firstLine(String message) {
        String text = String.valueOf(message);
        return text.lines().findFirst().orElse(text);
    }
}
