package io.ledgernode.process;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A PostgreSQL advisory lock held on a connection of its own, so that only one process at a time does a job: the
 * sync-bridge writing the mirror (for as long as it runs), a reconciliation run (for as long as the run lasts). The
 * connection never goes back to the pool holding the lock: closing the lock closes the connection, and a process that
 * dies ends its session, which frees the lock.
 */
public final class AdvisoryLock implements AutoCloseable {

    /** How long a lock lasts, and so what releases it. */
    public enum Scope {
        /** Held by the session ({@code pg_try_advisory_lock}) until its connection closes: a process's lifetime. */
        SESSION("SELECT pg_try_advisory_lock(?)", "a.backend_start"),
        /**
         * Held by an open transaction ({@code pg_try_advisory_xact_lock}) until it ends: closing rolls it back, so
         * nothing done on this connection is ever committed.
         */
        TRANSACTION("SELECT pg_try_advisory_xact_lock(?)", "a.xact_start");

        private final String acquireSql;
        private final String sinceColumn;

        Scope(String acquireSql, String sinceColumn) {
            this.acquireSql = acquireSql;
            this.sinceColumn = sinceColumn;
        }
    }

    private final Connection connection;
    private final Scope scope;

    private AdvisoryLock(Connection connection, Scope scope) {
        this.connection = connection;
        this.scope = scope;
    }

    /**
     * The lock named {@code key} (an arbitrary constant the users of one lock agree on), or empty when another session
     * holds it.
     */
    public static Optional<AdvisoryLock> tryAcquire(DataSource dataSource, long key, Scope scope) throws SQLException {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(scope, "scope");
        Connection connection = dataSource.getConnection();
        try (PreparedStatement lock = connection.prepareStatement(scope.acquireSql)) {
            connection.setAutoCommit(scope == Scope.SESSION);
            lock.setLong(1, key);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return Optional.of(new AdvisoryLock(connection, scope));
                }
            }
        } catch (SQLException | RuntimeException e) {
            release(connection, scope);
            throw e;
        }
        release(connection, scope);
        return Optional.empty();
    }

    /**
     * Who holds lock {@code key}, for a refusal message: the holder's backend pid, client address and since when (its
     * session's start for a session lock, its transaction's for a transaction lock), as PostgreSQL sees them.
     */
    public static String holder(DataSource dataSource, long key, Scope scope) {
        String sql = "SELECT a.pid, coalesce(a.client_addr::text, 'local'), " + scope.sinceColumn + " FROM pg_locks l "
                + "JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted "
                + "AND ((l.classid::bigint << 32) | l.objid::bigint) = ?";
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, key);
            try (ResultSet rs = query.executeQuery()) {
                String holder = rs.next() ? "backend pid " + rs.getInt(1) + " from " + rs.getString(2) + " since "
                        + rs.getString(3) : "unknown (released just now?)";
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
                return holder;
            }
        } catch (SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** True while the session holding the lock is alive (a database restart ends it, and the lock with it). */
    public boolean held() {
        try {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() throws SQLException {
        release(connection, scope);
    }

    private static void release(Connection connection, Scope scope) throws SQLException {
        try {
            if (scope == Scope.TRANSACTION && !connection.getAutoCommit()) {
                connection.rollback();
            }
        } finally {
            connection.close();
        }
    }
}
