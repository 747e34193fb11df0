package io.ledgernode.node.mirror;

import io.ledgernode.node.http.ApiErrorCode;
import io.ledgernode.node.http.ApiException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The queries the API answers from the mirror. Each runs in one read-only transaction at REPEATABLE READ, so the
 * rows and the height reported with them are one consistent snapshot.
 */
public final class MirrorReader {

    private final DataSource dataSource;

    public MirrorReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The read-only pool, for other readers of the same database (the reconciler's records). */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Rows as ordered maps of column name to value, amounts as strings (JSON-safe), with the snapshot's height. */
    public record Rows(long mirrorHeight, List<Map<String, Object>> rows) {
        public Optional<Map<String, Object>> first() {
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
        }
    }

    /** The number of blocks the mirror holds (the next block it expects). */
    public long height() {
        return snapshot().mirrorHeight();
    }

    /** Waits up to {@code waitMax} until the mirror holds block {@code minBlock}; 503 if it does not. */
    public void awaitBlock(long minBlock, Duration waitMax) {
        Instant deadline = Instant.now().plus(waitMax);
        while (height() <= minBlock) {
            if (Instant.now().isAfter(deadline)) {
                throw new ApiException(ApiErrorCode.Service.MIRROR_BEHIND,
                        "the mirror has not reached block " + minBlock + " within " + waitMax + "; retry shortly");
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private static final String ACCOUNT = "SELECT id, asset, custodian_msp, owner_ref, jurisdiction, status, balance::text AS balance, "
            + "held::text AS held, per_transfer_max::text AS per_transfer_max, daily_debit_max::text AS daily_debit_max, updated_block "
            + "FROM mirror.accounts WHERE id = ?";

    public Rows account(String id) {
        return query(ACCOUNT, id);
    }

    /** An account and its open holds (at most {@code holdsMax}), from one snapshot: rows 0 the account, 1 its holds. */
    public List<Rows> accountWithHolds(String id, int holdsMax) {
        return snapshot(ACCOUNT, List.of(id),
                "SELECT id, amount::text AS amount, payee, expires_at::text AS expires_at FROM mirror.holds "
                        + "WHERE account_id = ? AND status = 'OPEN' ORDER BY id LIMIT ?", List.of(id, holdsMax)).split();
    }

    public Rows hold(String id) {
        return query("SELECT id, account_id, asset, amount::text AS amount, payee, expires_at::text AS expires_at, status "
                + "FROM mirror.holds WHERE id = ?", id);
    }

    /** The account's entries, newest first, after the cursor position (block, tx, entry) when given. */
    public Rows history(String accountId, Optional<long[]> before, int limit) {
        long[] c = before.orElse(new long[] {Long.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE});
        return query("SELECT e.block_number, e.tx_index, e.entry_index, e.tx_id, e.kind, e.amount::text AS amount, e.asset, e.hold_id, "
                + "e.tx_timestamp::text AS tx_timestamp, t.function FROM mirror.entries e JOIN mirror.transactions t "
                + "ON t.block_number = e.block_number AND t.tx_index = e.tx_index WHERE e.account_id = ? "
                + "AND (e.block_number, e.tx_index, e.entry_index) < (?, ?, ?) "
                + "ORDER BY e.block_number DESC, e.tx_index DESC, e.entry_index DESC LIMIT ?", accountId, c[0], (int) c[1], (int) c[2], limit);
    }

    /**
     * The account's entries at or after block {@code fromBlock} and after position {@code after} (block, tx, entry)
     * when given, oldest first, at most {@code limit}: what a watcher has not seen yet.
     */
    public Rows entriesAfter(String accountId, long fromBlock, Optional<long[]> after, int limit) {
        long[] c = after.orElse(new long[] {fromBlock, -1, -1});
        return query("SELECT e.block_number, e.tx_index, e.entry_index, e.tx_id, e.kind, e.amount::text AS amount, e.asset, e.hold_id, "
                + "e.tx_timestamp::text AS tx_timestamp, t.function FROM mirror.entries e JOIN mirror.transactions t "
                + "ON t.block_number = e.block_number AND t.tx_index = e.tx_index WHERE e.account_id = ? AND e.block_number >= ? "
                + "AND (e.block_number, e.tx_index, e.entry_index) > (?, ?, ?) "
                + "ORDER BY e.block_number, e.tx_index, e.entry_index LIMIT ?", accountId, fromBlock, c[0], (int) c[1], (int) c[2], limit);
    }

    public Rows transaction(String txId) {
        return query("SELECT block_number, tx_index, tx_id, header_type, validation_code, creator_msp, chaincode, function, "
                + "tx_timestamp::text AS tx_timestamp, event_name FROM mirror.transactions WHERE tx_id = ? ORDER BY block_number, tx_index", txId);
    }

    /** The entries of a transaction, with each account's jurisdiction (to decide who may see them). */
    public Rows entriesOf(String txId) {
        return query("SELECT e.entry_index, e.account_id, a.jurisdiction, e.kind, e.amount::text AS amount, e.asset, e.hold_id "
                + "FROM mirror.entries e JOIN mirror.accounts a ON a.id = e.account_id WHERE e.tx_id = ? "
                + "ORDER BY e.block_number, e.tx_index, e.entry_index", txId);
    }

    public Rows block(long number) {
        return query("SELECT number, encode(header_hash, 'hex') AS header_hash, encode(previous_hash, 'hex') AS previous_hash, "
                + "encode(data_hash, 'hex') AS data_hash, tx_count, observed_at::text AS observed_at FROM mirror.blocks WHERE number = ?", number);
    }

    public Rows blockTransactions(long number) {
        return query("SELECT tx_index, tx_id, validation_code, creator_msp, function FROM mirror.transactions "
                + "WHERE block_number = ? ORDER BY tx_index", number);
    }

    public Rows supply() {
        return query("SELECT code, decimals, supply::text AS supply FROM mirror.assets ORDER BY code");
    }

    private Rows query(String sql, Object... parameters) {
        return snapshot(sql, List.of(parameters)).split().get(0);
    }

    /** The results of several statements from one snapshot, each a list of rows, with the snapshot's height. */
    private record Snapshot(long mirrorHeight, List<List<Map<String, Object>>> results) {
        List<Rows> split() {
            return results.stream().map(rows -> new Rows(mirrorHeight, rows)).toList();
        }
    }

    /**
     * Runs statements (alternating SQL text and its parameter list) in one read-only REPEATABLE READ transaction, so
     * their rows and the height reported with them are one consistent snapshot.
     */
    private Snapshot snapshot(Object... sqlAndParameters) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                long height = height(connection);
                List<List<Map<String, Object>>> results = new ArrayList<>();
                for (int i = 0; i < sqlAndParameters.length; i += 2) {
                    results.add(rows(connection, (String) sqlAndParameters[i], (List<?>) sqlAndParameters[i + 1]));
                }
                return new Snapshot(height, results);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new ApiException(ApiErrorCode.Service.MIRROR_UNAVAILABLE,
                    "the mirror database is not reachable; retry shortly");
        }
    }

    private static List<Map<String, Object>> rows(Connection connection, String sql, List<?> parameters) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rs = select.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= columns; c++) {
                        row.put(camel(rs.getMetaData().getColumnLabel(c)), rs.getObject(c));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static long height(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT next_block FROM bridge.checkpoint WHERE id = 1");
             ResultSet rs = select.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static String camel(String column) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char ch : column.toCharArray()) {
            if (ch == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return out.toString();
    }
}
