package io.ledgernode.reconciler.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.ledgernode.reconciler.db.ReconcilerDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;

/**
 * A real PostgreSQL server (embedded, in-process) shared by a test class, and a fresh database per test laid out as on
 * a node: the mirror built by the sync-bridge's own migrations (owned by the superuser here, standing in for
 * ledger_bridge), the roles ledger_reader and ledger_reconciler, and the reconciler's schema migrated as its role.
 */
public final class TestDatabase implements AutoCloseable {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final EmbeddedPostgres postgres;

    private TestDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static TestDatabase start() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            try (Connection admin = postgres.getPostgresDatabase().getConnection(); Statement sql = admin.createStatement()) {
                sql.execute("CREATE ROLE ledger_reader LOGIN");
                sql.execute("CREATE ROLE ledger_reconciler LOGIN");
            }
            return new TestDatabase(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh node database: the mirror at checkpoint 0, the reconciler's schema migrated. */
    public Node freshNode() throws SQLException {
        String name = "node_" + DATABASES.incrementAndGet();
        try (Connection admin = postgres.getPostgresDatabase().getConnection(); Statement sql = admin.createStatement()) {
            sql.execute("CREATE DATABASE " + name);
            sql.execute("GRANT CREATE ON DATABASE " + name + " TO ledger_reconciler");
        }
        String url = postgres.getJdbcUrl("postgres", name);
        Flyway.configure().dataSource(url, "postgres", "").schemas("bridge").createSchemas(true)
                .locations("filesystem:" + mirrorMigrations()).load().migrate();
        Node node = new Node(name, url, pool(name, "ledger_reconciler", false), pool(name, "ledger_reader", true));
        ReconcilerDatabase.migrate(node.reconciler());
        try (Connection connection = node.superuser(); Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO bridge.checkpoint (id, channel, next_block, updated_at) VALUES (1, 'ledger', 0, now())");
        }
        return node;
    }

    /** One node database with a pool per role. */
    public record Node(String name, String url, HikariDataSource reconciler, HikariDataSource reader)
            implements AutoCloseable {

        /** An autocommit connection as the superuser, for setting up and tampering. */
        public Connection superuser() throws SQLException {
            return DriverManager.getConnection(url, "postgres", "");
        }

        @Override
        public void close() {
            reconciler.close();
            reader.close();
        }
    }

    private HikariDataSource pool(String database, String user, boolean readOnly) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl(user, database));
        config.setUsername(user);
        config.setAutoCommit(false);
        config.setReadOnly(readOnly);
        config.setMaximumPoolSize(6);
        return new HikariDataSource(config);
    }

    private static String mirrorMigrations() {
        String location = System.getProperty("reconciler.test.mirrorMigrations", "");
        if (location.isBlank()) {
            throw new IllegalStateException("reconciler.test.mirrorMigrations is not set (the surefire configuration sets it)");
        }
        return Path.of(location).toAbsolutePath().normalize().toString();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
