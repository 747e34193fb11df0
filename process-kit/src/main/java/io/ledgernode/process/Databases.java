package io.ledgernode.process;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** A process's PostgreSQL: its Hikari pools and the Flyway migrations of the schema it owns. */
public final class Databases {

    private Databases() {
    }

    /**
     * How one pool connects. Connections never auto-commit: every write states its transaction.
     *
     * @param name                  the pool's name in logs and in pg_stat_activity
     * @param readOnly              marks every connection read-only, so a mistaken write fails in the database
     * @param connectionTimeout     how long a borrower waits for a connection
     * @param startWhileDatabaseDown open the pool even while the database is away (the caller waits for it); otherwise
     *                              opening fails at once
     */
    public record Pool(String name, String jdbcUrl, String user, String password, int sizeMax, boolean readOnly,
                       Duration connectionTimeout, boolean startWhileDatabaseDown) {
        public Pool {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(connectionTimeout, "connectionTimeout");
            if (sizeMax < 1) {
                throw new IllegalArgumentException("pool " + name + ": sizeMax must be at least 1, got " + sizeMax);
            }
        }
    }

    /** Opens {@code pool}. */
    public static HikariDataSource pool(Pool pool) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName(pool.name());
        hikari.setJdbcUrl(pool.jdbcUrl());
        hikari.setUsername(pool.user());
        hikari.setPassword(pool.password());
        hikari.setMaximumPoolSize(pool.sizeMax());
        hikari.setAutoCommit(false);
        hikari.setReadOnly(pool.readOnly());
        hikari.setConnectionTimeout(pool.connectionTimeout().toMillis());
        if (pool.startWhileDatabaseDown()) {
            hikari.setInitializationFailTimeout(-1);
        }
        return new HikariDataSource(hikari);
    }

    /**
     * Applies the pending migrations of {@code schema} (scripts at Flyway {@code location}, e.g.
     * {@code classpath:db/migration}, history in {@code <schema>.flyway_schema_history}); refuses a database whose
     * schema is newer than this code.
     */
    public static void migrate(DataSource dataSource, String schema, String location) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .createSchemas(true)
                .locations(location)
                .validateOnMigrate(true)
                .load()
                .migrate();
    }

    /** The password: the first line of {@code passwordFile} when one is named, else {@code password}. */
    public static String password(String password, String passwordFile) {
        if (passwordFile.isBlank()) {
            return password;
        }
        try {
            return Files.readAllLines(Path.of(passwordFile)).stream().findFirst().orElse("").strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the password file " + passwordFile, e);
        }
    }
}
