package io.ledgernode.node.testing;

import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Test data sources shared by the node's tests that run without a database. */
public final class TestDataSources {

    private TestDataSources() {
    }

    /** A mirror that is down: every connection attempt fails as it would with the database away. */
    public static DataSource unreachable() {
        return new DataSource() {
            @Override
            public java.sql.Connection getConnection() throws SQLException {
                throw new SQLException("connection refused", "08001");
            }

            @Override
            public java.sql.Connection getConnection(String user, String password) throws SQLException {
                return getConnection();
            }

            @Override
            public java.io.PrintWriter getLogWriter() {
                return null;
            }

            @Override
            public void setLogWriter(java.io.PrintWriter out) {
            }

            @Override
            public void setLoginTimeout(int seconds) {
            }

            @Override
            public int getLoginTimeout() {
                return 0;
            }

            @Override
            public Logger getParentLogger() {
                return Logger.getGlobal();
            }

            @Override
            public <T> T unwrap(Class<T> iface) throws SQLException {
                throw new SQLException("not a wrapper");
            }

            @Override
            public boolean isWrapperFor(Class<?> iface) {
                return false;
            }
        };
    }
}
