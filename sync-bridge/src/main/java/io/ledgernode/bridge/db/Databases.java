package io.ledgernode.bridge.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.ledgernode.bridge.config.BridgeConfig;
import io.ledgernode.mirror.MirrorMigrations;
import javax.sql.DataSource;

/** Opens the bridge's connection pool and brings the schema to the current version. */
public final class Databases {

    private Databases() {
    }

    public static HikariDataSource pool(BridgeConfig.Database config, String poolName) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName(poolName);
        hikari.setJdbcUrl(config.jdbcUrl());
        hikari.setUsername(config.user());
        hikari.setPassword(config.resolvedPassword());
        hikari.setMaximumPoolSize(config.poolSizeMax());
        hikari.setAutoCommit(false);
        // Start even while the database is down; the follower waits for it like for any outage.
        hikari.setInitializationFailTimeout(-1);
        hikari.setConnectionTimeout(5_000);
        return new HikariDataSource(hikari);
    }

    /** Applies pending migrations of the mirror (its module's, {@link MirrorMigrations}); refuses a newer schema. */
    public static void migrate(DataSource dataSource) {
        MirrorMigrations.migrate(dataSource);
    }
}
