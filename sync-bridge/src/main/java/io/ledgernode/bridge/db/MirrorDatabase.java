package io.ledgernode.bridge.db;

import com.zaxxer.hikari.HikariDataSource;
import io.ledgernode.bridge.config.BridgeConfig;
import io.ledgernode.mirror.MirrorMigrations;
import io.ledgernode.process.Databases;
import java.time.Duration;
import javax.sql.DataSource;

/** The mirror's pools and its schema {@code bridge}, which the bridge owns (its migrations are the mirror module's). */
public final class MirrorDatabase {

    /** The schema of the checkpoint and the writer's records; the mirror's tables are in schema {@code mirror}. */
    public static final String SCHEMA = "bridge";
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);

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
}
