package io.ledgernode.reconciler.breaks;

import io.ledgernode.mirror.reconciliation.BlockCoverage;
import io.ledgernode.mirror.reconciliation.Trigger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Writes runs and their breaks (the reconciler's own role). Breaks are written as they are found, in batches, each
 * batch in its own transaction: a run that fails half-way keeps what it found, and its status says it is incomplete.
 */
public final class RunLog {

    private final DataSource dataSource;

    public RunLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * What a completed run compared, the block it is consistent at, and the blocks its block pass verified (from
     * {@code firstBlock}, with {@code coverageReason} saying why a full pass was full).
     */
    public record Completion(long consistentBlock, byte[] consistentBlockHash, long accountsCompared, long assetsCompared,
                             long blocksCompared, long breaksFound, Instant finishedAt, long firstBlock,
                             BlockCoverage blockCoverage, String coverageReason) {
        public Completion {
            consistentBlockHash = consistentBlockHash.clone();
            Objects.requireNonNull(blockCoverage, "blockCoverage");
        }
    }

    /**
     * Starts a run. Runs still marked RUNNING were abandoned by a process that died: the caller holds the run lock,
     * so no other run is in progress, and they are marked FAILED first.
     */
    public long start(Trigger trigger, Instant startedAt, String runner) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement abandon = connection.prepareStatement("UPDATE reconciler.runs SET status = 'FAILED', "
                    + "finished_at = ?, failure = 'abandoned: the process running it stopped before it finished' WHERE status = 'RUNNING'");
                 PreparedStatement insert = connection.prepareStatement("INSERT INTO reconciler.runs (trigger, status, started_at, runner) "
                         + "VALUES (?, 'RUNNING', ?, ?) RETURNING id")) {
                abandon.setTimestamp(1, Timestamp.from(startedAt));
                abandon.executeUpdate();
                insert.setString(1, trigger.name());
                insert.setTimestamp(2, Timestamp.from(startedAt));
                insert.setString(3, runner);
                long id;
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
                connection.commit();
                return id;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** Records breaks of a run. */
    public void record(long runId, List<Break> breaks) throws SQLException {
        if (breaks.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO reconciler.breaks (run_id, type, subject, "
                     + "account_id, jurisdiction, asset, tx_id, block_number, chain_value, mirror_value, detail) "
                     + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            try {
                for (Break found : breaks) {
                    bind(insert, runId, found);
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    public void complete(long runId, Completion completion) throws SQLException {
        update(runId, "UPDATE reconciler.runs SET status = 'COMPLETED', finished_at = ?, consistent_block = ?, "
                + "consistent_block_hash = ?, accounts_compared = ?, assets_compared = ?, blocks_compared = ?, breaks_found = ?, "
                + "first_block = ?, block_coverage = ?, block_coverage_reason = ? WHERE id = ? AND status = 'RUNNING'", statement -> {
                    statement.setTimestamp(1, Timestamp.from(completion.finishedAt()));
                    statement.setLong(2, completion.consistentBlock());
                    statement.setBytes(3, completion.consistentBlockHash());
                    statement.setLong(4, completion.accountsCompared());
                    statement.setLong(5, completion.assetsCompared());
                    statement.setLong(6, completion.blocksCompared());
                    statement.setLong(7, completion.breaksFound());
                    statement.setLong(8, completion.firstBlock());
                    statement.setString(9, completion.blockCoverage().name());
                    setText(statement, 10, completion.coverageReason());
                    statement.setLong(11, runId);
                });
    }

    /** Marks a run failed, with the reason in one line; the breaks it recorded stay. */
    public void fail(long runId, String failure, long breaksFound, Instant finishedAt) throws SQLException {
        update(runId, "UPDATE reconciler.runs SET status = 'FAILED', finished_at = ?, failure = ?, breaks_found = ? "
                + "WHERE id = ? AND status = 'RUNNING'", statement -> {
                    statement.setTimestamp(1, Timestamp.from(finishedAt));
                    statement.setString(2, failure);
                    statement.setLong(3, breaksFound);
                    statement.setLong(4, runId);
                });
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private void update(long runId, String sql, Binder binder) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(sql)) {
            try {
                binder.bind(update);
                if (update.executeUpdate() != 1) {
                    throw new SQLException("run " + runId + " is not running any more");
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static void bind(PreparedStatement insert, long runId, Break found) throws SQLException {
        insert.setLong(1, runId);
        insert.setString(2, found.type().name());
        String account = null;
        String jurisdiction = null;
        String asset = null;
        String txId = null;
        String subject;
        switch (found.subject()) {
            case Subject.Account a -> {
                subject = "ACCOUNT";
                account = a.id();
                jurisdiction = a.jurisdiction();
                asset = a.asset();
            }
            case Subject.Asset a -> {
                subject = "ASSET";
                asset = a.code();
            }
            case Subject.Block b -> subject = "BLOCK";
            case Subject.Transaction t -> {
                subject = "TRANSACTION";
                txId = t.txId();
            }
        }
        insert.setString(3, subject);
        insert.setString(4, account);
        insert.setString(5, jurisdiction);
        insert.setString(6, asset);
        insert.setString(7, txId);
        insert.setLong(8, found.blockNumber());
        setText(insert, 9, found.chainValue());
        setText(insert, 10, found.mirrorValue());
        insert.setString(11, found.detail());
    }

    private static void setText(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }
}
