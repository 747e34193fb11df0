package io.ledgernode.reconciler.db;

import com.zaxxer.hikari.HikariDataSource;
import io.ledgernode.process.AdvisoryLock;
import io.ledgernode.process.Databases;
import io.ledgernode.reconciler.config.ReconcilerConfig;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;

/** The reconciler's pools on the node's database and the migrations of the schema it owns. */
public final class ReconcilerDatabase {

    /** The schema the reconciler owns. */
    public static final String SCHEMA = "reconciler";
    private static final String MIGRATIONS = "classpath:db/reconciler";
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(10);
    /** An arbitrary constant that names "a reconciliation run" among advisory locks: "LEDGERRC" in ASCII. */
    private static final long RUN_LOCK_KEY = 0x4C45444745525243L;

    private ReconcilerDatabase() {
    }

    /**
     * A pool for {@code config}; an empty URL means the node's database as {@code scripts/ledger up} wrote it in
     * {@code <ledgerHome>/network/node.properties}. A read-only pool marks its connections read-only, so a mistaken
     * write fails in the database, not only by convention. Opening fails at once when the database is away.
     */
    public static HikariDataSource pool(ReconcilerConfig.Database config, Path ledgerHome, String poolName, boolean readOnly) {
        return Databases.pool(new Databases.Pool(poolName, jdbcUrl(config, ledgerHome), config.user(),
                Databases.password(config.password(), config.passwordFile()), config.poolSizeMax(), readOnly,
                CONNECTION_TIMEOUT, false));
    }

    /** Applies pending migrations of schema reconciler (db/reconciler/V*.sql); refuses a newer schema than this code. */
    public static void migrate(DataSource dataSource) {
        Databases.migrate(dataSource, SCHEMA, MIGRATIONS);
    }

    /**
     * The one-run-at-a-time lock, or empty when another run holds it: held in an open transaction on a connection of
     * its own for as long as the run lasts, so no two runs overlap, scheduled or on demand, in one process or several.
     */
    public static Optional<AdvisoryLock> tryLockRun(DataSource dataSource) throws SQLException {
        return AdvisoryLock.tryAcquire(dataSource, RUN_LOCK_KEY, AdvisoryLock.Scope.TRANSACTION);
    }

    /** Who holds the run lock, for the refusal message. */
    public static String runLockHolder(DataSource dataSource) {
        return AdvisoryLock.holder(dataSource, RUN_LOCK_KEY, AdvisoryLock.Scope.TRANSACTION);
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
}
