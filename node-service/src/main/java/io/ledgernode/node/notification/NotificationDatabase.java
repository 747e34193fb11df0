package io.ledgernode.node.notification;

import com.zaxxer.hikari.HikariDataSource;
import io.ledgernode.process.Databases;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * node-service's own schema, {@code notifications}, in the node's database: webhook subscriptions with their positions
 * and dead letters, and compliance alerts with the position of their scan. node-service alone reads and writes it, as
 * the role that owns it ({@code ledger_node}: the embedded server creates it; on another server a DBA creates it with
 * CREATE on the database).
 */
public final class NotificationDatabase {

    public static final String SCHEMA = "notifications";
    private static final String MIGRATIONS = "classpath:db/notifications";

    /**
     * How node-service connects to it ({@code node.notifications.*}).
     *
     * @param jdbcUrl empty: the node's own database, as the mirror's URL names it
     */
    public record Settings(String jdbcUrl, String user, String password, int poolSizeMax) {
        public Settings {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
            if (poolSizeMax < 1) {
                throw new IllegalArgumentException("node.notifications.pool-size-max must be at least 1, got " + poolSizeMax);
            }
        }
    }

    private NotificationDatabase() {
    }

    /** The pool, its schema migrated; a database that cannot be reached or migrated fails here, before the node serves. */
    public static HikariDataSource open(Settings settings) {
        HikariDataSource pool = Databases.pool(new Databases.Pool("notifications", settings.jdbcUrl(), settings.user(), settings.password(),
                settings.poolSizeMax(), false, Duration.ofSeconds(10), false));
        try {
            migrate(pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return pool;
    }

    /** Applies pending migrations of schema {@code notifications}; refuses a newer schema than this code. */
    public static void migrate(DataSource dataSource) {
        Databases.migrate(dataSource, SCHEMA, MIGRATIONS);
    }
}
