package io.ledgernode.bridge.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The whole configuration of the bridge, read once at start and passed down through constructors. */
public record BridgeConfig(Network network, Database database, Reconnect reconnect, Health health) {

    /** The network to follow and the identity to read it as. */
    public record Network(String home, String org, String identity) {
    }

    /** The mirror database: an external one by URL, or the node's embedded server. */
    public record Database(String url, String user, String password, String passwordFile, int poolSizeMax, Embedded embedded) {
        public Database {
            if (poolSizeMax < 2 || poolSizeMax > 64) {
                throw new IllegalArgumentException("database.poolSizeMax must be in [2, 64], got " + poolSizeMax);
            }
        }

        /** The JDBC URL to use: the configured one, or the embedded server's. */
        public String jdbcUrl() {
            return url.isBlank() ? "jdbc:postgresql://127.0.0.1:" + embedded.port() + "/" + embedded.database() : url;
        }

        /** The password: the file's first line when a file is configured, else the configured value. */
        public String resolvedPassword() {
            if (passwordFile.isBlank()) {
                return password;
            }
            try {
                return Files.readAllLines(Path.of(passwordFile)).stream().findFirst().orElse("").strip();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read database.passwordFile " + passwordFile, e);
            }
        }
    }

    /** The node's own PostgreSQL server, used when no database URL is configured. */
    public record Embedded(int port, String database) {
    }

    /** Bounded exponential backoff for reconnecting to the peer or the database. */
    public record Reconnect(Duration backoffInitial, Duration backoffMax) {
        public Reconnect {
            if (backoffInitial.isNegative() || backoffInitial.isZero() || backoffMax.compareTo(backoffInitial) < 0) {
                throw new IllegalArgumentException("reconnect backoff must satisfy 0 < backoffInitial <= backoffMax");
            }
        }
    }

    /** The metrics and health endpoint, and when the bridge counts as ready. */
    public record Health(int lagReadyBlocksMax, String host, int port, Duration heightPollInterval) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /**
     * The defaults of application.yaml, overridden by {@code operatorFile} if given, then by {@code overrides}
     * (dotted keys such as {@code database.url}, e.g. from the command line).
     */
    public static BridgeConfig load(Optional<Path> operatorFile, Map<String, String> overrides) {
        try (InputStream defaults = BridgeConfig.class.getResourceAsStream("/application.yaml")) {
            ObjectNode tree = (ObjectNode) YAML.readTree(defaults);
            if (operatorFile.isPresent()) {
                merge(tree, (ObjectNode) YAML.readTree(operatorFile.get().toFile()));
            }
            overrides.forEach((key, value) -> set(tree, key, value));
            return YAML.treeToValue(tree, BridgeConfig.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("bad configuration: " + e.getMessage().lines().findFirst().orElse(""), e);
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
        if (!node.has(parts[parts.length - 1])) {
            throw new IllegalArgumentException("unknown configuration key " + dottedKey);
        }
        node.put(parts[parts.length - 1], value);
    }
}
