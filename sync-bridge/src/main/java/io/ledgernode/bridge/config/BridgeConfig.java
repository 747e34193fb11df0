package io.ledgernode.bridge.config;

import io.ledgernode.process.Databases;
import io.ledgernode.process.YamlConfig;
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
            return Databases.password(password, passwordFile);
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

    /**
     * The defaults of application.yaml, overridden by {@code operatorFile} if given, then by {@code overrides}
     * (dotted keys such as {@code database.url}, e.g. from the command line).
     */
    public static BridgeConfig load(Optional<Path> operatorFile, Map<String, String> overrides) {
        return YamlConfig.load(BridgeConfig.class, operatorFile, overrides);
    }
}
