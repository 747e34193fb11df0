package io.ledgernode.bridge.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * One writer per mirror: a session-level advisory lock held on a connection of its own for as long as the bridge
 * runs. A second bridge against the same database finds it taken and refuses to start; if the holder dies, its
 * session ends and the lock is free again.
 */
public final class WriterLock implements AutoCloseable {

    /** An arbitrary constant that names "the mirror writer" among advisory locks: "LEDGERMR" in ASCII. */
    private static final long LOCK_KEY = 0x4C45444745524D52L;

    private final Connection connection;

    private WriterLock(Connection connection) {
        this.connection = connection;
    }

    /** The lock, or empty when another session holds it. */
    public static Optional<WriterLock> tryAcquire(DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            connection.setAutoCommit(true);
            lock.setLong(1, LOCK_KEY);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return Optional.of(new WriterLock(connection));
                }
            }
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        connection.close();
        return Optional.empty();
    }

    /** Who holds the lock, for the refusal message: the holder's pid and client address as Postgres sees them. */
    public static String holder(DataSource dataSource) {
        String sql = "SELECT a.pid, coalesce(a.client_addr::text, 'local'), a.backend_start FROM pg_locks l "
                + "JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted "
                + "AND ((l.classid::bigint << 32) | l.objid::bigint) = ?";
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, LOCK_KEY);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? "backend pid " + rs.getInt(1) + " from " + rs.getString(2) + " since " + rs.getString(3) : "unknown";
            }
        } catch (SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** True while the session holding the lock is alive. */
    public boolean held() {
        try {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
