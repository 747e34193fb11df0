package io.ledgernode.reconciler.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.ledgernode.mirror.testing.EmbeddedMirror;
import io.ledgernode.reconciler.db.ReconcilerDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The mirror's test fixture ({@link EmbeddedMirror}: a real PostgreSQL, a fresh mirror database per test, the mirror
 * module's own migrations) laid out as on a node for the reconciler: the role ledger_reconciler beside ledger_reader,
 * and the reconciler's schema migrated as its role.
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    /**
     * A fresh node database: the mirror at checkpoint 0, the reconciler's schema migrated. The server is the test
     * JVM's ({@link EmbeddedMirror#shared()}), shared with other test classes; it stops when the JVM exits.
     */
    public static Node freshNode() throws SQLException {
        EmbeddedMirror server = EmbeddedMirror.shared();
        server.createRole("ledger_reconciler");
        EmbeddedMirror.Database mirror = server.fresh();
        try (Connection admin = mirror.superuser(); Statement sql = admin.createStatement()) {
            sql.execute("GRANT CREATE ON DATABASE " + mirror.name() + " TO ledger_reconciler");
        }
        Node node = new Node(mirror, pool(mirror, "ledger_reconciler", false), pool(mirror, EmbeddedMirror.READER, true));
        ReconcilerDatabase.migrate(node.reconciler());
        mirror.seeder().checkpoint(0);
        return node;
    }

    /** One node database with a pool per role. */
    public record Node(EmbeddedMirror.Database mirror, HikariDataSource reconciler, HikariDataSource reader)
            implements AutoCloseable {

        /** An autocommit connection as the superuser, for setting up and tampering. */
        public Connection superuser() throws SQLException {
            return mirror.superuser();
        }

        @Override
        public void close() {
            reconciler.close();
            reader.close();
        }
    }

    private static HikariDataSource pool(EmbeddedMirror.Database mirror, String user, boolean readOnly) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(mirror.jdbcUrl(user));
        config.setUsername(user);
        config.setAutoCommit(false);
        config.setReadOnly(readOnly);
        config.setMaximumPoolSize(6);
        return new HikariDataSource(config);
    }
}
