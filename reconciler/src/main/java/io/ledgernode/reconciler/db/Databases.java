package io.ledgernode.reconciler.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.ledgernode.reconciler.config.ReconcilerConfig;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Opens the reconciler's pools and brings its schema to the current version. */
public final class Databases {

    /** The schema the reconciler owns. */
    public static final String SCHEMA = "reconciler";

    private Databases() {
    }

    /**
     * A pool for {@code config}; an empty URL means the node's database as {@code scripts/ledger up} wrote it in
     * {@code <ledgerHome>/network/node.properties}. A read-only pool marks its connections read-only, so a mistaken
     * write fails in the database, not only by convention.
     */
    public static HikariDataSource pool(ReconcilerConfig.Database config, Path ledgerHome, String poolName, boolean readOnly) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName(poolName);
        hikari.setJdbcUrl(jdbcUrl(config, ledgerHome));
        hikari.setUsername(config.user());
        hikari.setPassword(password(config));
        hikari.setMaximumPoolSize(config.poolSizeMax());
        hikari.setAutoCommit(false);
        hikari.setReadOnly(readOnly);
        hikari.setConnectionTimeout(10_000);
        return new HikariDataSource(hikari);
    }

    /** Applies pending migrations of schema reconciler (db/reconciler/V*.sql); refuses a newer schema than this code. */
    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .createSchemas(true)
                .locations("classpath:db/reconciler")
                .validateOnMigrate(true)
                .load()
                .migrate();
    }

    static String jdbcUrl(ReconcilerConfig.Database config, Path ledgerHome) {
        if (!config.url().isBlank()) {
            return config.url();
        }
        Path file = ledgerHome.resolve("network").resolve("node.properties");
        Properties node = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            node.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (is the node up?)", e);
        }
        String url = node.getProperty("database.jdbcUrl", "");
        if (url.isBlank()) {
            throw new IllegalArgumentException(file + " names no database.jdbcUrl");
        }
        return url;
    }

    private static String password(ReconcilerConfig.Database config) {
        if (config.passwordFile().isBlank()) {
            return config.password();
        }
        try {
            return Files.readAllLines(Path.of(config.passwordFile())).stream().findFirst().orElse("").strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the password file " + config.passwordFile(), e);
        }
    }
}
