package io.ledgernode.bridge.follow;

import java.sql.SQLException;
import java.sql.SQLTransientException;

/** Retriable or fatal: the one place that decides for database errors. */
final class Failures {

    private Failures() {
    }

    /**
     * True for errors that pass when the database comes back: connection failures (SQLSTATE class 08), the server
     * shutting down or restarting (57P01..57P03), serialization failures and deadlocks (40001, 40P01), and the pool
     * timing out waiting for a connection. Anything else (a constraint the block breaks, a bad statement) is fatal.
     */
    static boolean transientDatabaseError(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P") || state.equals("40001") || state.equals("40P01")) {
                    return true;
                }
            }
        }
        return false;
    }
}
