package io.ledgernode.reconciler.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The one-run-at-a-time lock: a transaction-level advisory lock held, for as long as the run lasts, in an open
 * transaction on a connection of its own. Ending that transaction (closing the lock, or the process dying and its
 * session with it) releases the lock, so a connection can never go back to the pool still holding it.
 */
public final class RunLock implements AutoCloseable {

    /** An arbitrary constant that names "a reconciliation run" among advisory locks: "LEDGERRC" in ASCII. */
    static final long LOCK_KEY = 0x4C45444745525243L;

    private final Connection connection;

    private RunLock(Connection connection) {
        this.connection = connection;
    }

    /** The lock, or empty when another run holds it. */
    public static Optional<RunLock> tryAcquire(DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            connection.setAutoCommit(false);
            lock.setLong(1, LOCK_KEY);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return Optional.of(new RunLock(connection));
                }
            }
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            connection.close();
            throw e;
        }
        connection.rollback();
        connection.close();
        return Optional.empty();
    }

    /** Who holds the lock, for the refusal message: the holder's backend pid, address and start as PostgreSQL sees them. */
    public static String holder(DataSource dataSource) {
        String sql = "SELECT a.pid, coalesce(a.client_addr::text, 'local'), a.xact_start FROM pg_locks l "
                + "JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted "
                + "AND ((l.classid::bigint << 32) | l.objid::bigint) = ?";
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, LOCK_KEY);
            try (ResultSet rs = query.executeQuery()) {
                String holder = rs.next() ? "backend pid " + rs.getInt(1) + " from " + rs.getString(2) + ", running since "
                        + rs.getString(3) : "unknown (it just finished?)";
                connection.rollback();
                return holder;
            }
        } catch (SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.rollback();
        } finally {
            connection.close();
        }
    }
}
