package io.ledgernode.bridge.db;

import com.zaxxer.hikari.HikariDataSource;
import io.ledgernode.bridge.config.BridgeConfig;
import io.ledgernode.mirror.MirrorMigrations;
import io.ledgernode.process.AdvisoryLock;
import io.ledgernode.process.Databases;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;

/** The mirror's pools and its schema {@code bridge}, which the bridge owns (its migrations are the mirror module's). */
public final class MirrorDatabase {

    /** The schema of the checkpoint and the writer's records; the mirror's tables are in schema {@code mirror}. */
    public static final String SCHEMA = "bridge";
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);
    /** An arbitrary constant that names "the mirror writer" among advisory locks: "LEDGERMR" in ASCII. */
    private static final long WRITER_LOCK_KEY = 0x4C45444745524D52L;

    private MirrorDatabase() {
    }

    /** A writer's pool; it opens even while the database is down, and the follower waits for it like for any outage. */
    public static HikariDataSource pool(BridgeConfig.Database config, String poolName) {
        return Databases.pool(new Databases.Pool(poolName, config.jdbcUrl(), config.user(), config.resolvedPassword(),
                config.poolSizeMax(), false, CONNECTION_TIMEOUT, true));
    }

    /** Applies pending migrations (the mirror module's); refuses a database whose schema is newer than this code. */
    public static void migrate(DataSource dataSource) {
        MirrorMigrations.migrate(dataSource);
    }

    /**
     * One writer per mirror: the writer lock, or empty when another session holds it. It is held by the session of a
     * connection of its own for as long as the bridge runs; if the holder dies, its session ends and the lock is free.
     */
    public static Optional<AdvisoryLock> tryLockWriter(DataSource dataSource) throws SQLException {
        return AdvisoryLock.tryAcquire(dataSource, WRITER_LOCK_KEY, AdvisoryLock.Scope.SESSION);
    }

    /** Who holds the writer lock, for the refusal message. */
    public static String writerLockHolder(DataSource dataSource) {
        return AdvisoryLock.holder(dataSource, WRITER_LOCK_KEY, AdvisoryLock.Scope.SESSION);
    }
}
