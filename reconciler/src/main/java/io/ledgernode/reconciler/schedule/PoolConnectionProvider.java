package io.ledgernode.reconciler.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.quartz.utils.ConnectionProvider;

/** Quartz's job store borrows connections from the reconciler's own pool; the pool's owner closes it. */
final class PoolConnectionProvider implements ConnectionProvider {

    private final DataSource dataSource;

    PoolConnectionProvider(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void shutdown() {
        // The pool outlives the scheduler; its owner closes it.
    }

    @Override
    public void initialize() {
        // Nothing: the pool is open already.
    }
}
