package io.ledgernode.reconciler.mirror;

import io.ledgernode.mirror.EntrySql;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Reads the mirror for a reconciliation. Each method runs one read-only repeatable-read transaction (one snapshot) and
 * reads the checkpoint in it first: if the mirror has not yet applied every block below {@code minHeight}, it reads
 * nothing more and answers empty, so the caller waits and asks again. Every query is keyed by the ids or block range
 * of one page, so each is bounded by the page size.
 */
public final class MirrorReader {


    private final DataSource dataSource;

    /** Over a pool of read-only connections of the mirror's reader role. */
    public MirrorReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The mirror's histories of some accounts, from height {@code from}, in a snapshot holding every block below {@code minHeight}. */
    public Optional<Snapshot<Map<String, AccountHistory>>> accounts(Collection<String> ids, long from, long minHeight)
            throws SQLException {
        return inSnapshot(minHeight, (connection, checkpoint) -> AccountQueries.read(connection, ids, from));
    }

    /** The mirror's histories of some assets' supplies, from height {@code from}. */
    public Optional<Snapshot<Map<String, SupplyHistory>>> supplies(Collection<String> codes, long from, long minHeight)
            throws SQLException {
        return inSnapshot(minHeight, (connection, checkpoint) -> SupplyQueries.read(connection, codes, from));
    }

    /** The mirror's blocks and their transactions numbered {@code from .. toExclusive - 1}. */
    public Optional<Snapshot<List<MirrorBlock>>> blocks(long from, long toExclusive) throws SQLException {
        return inSnapshot(toExclusive, (connection, checkpoint) -> BlockQueries.read(connection, from, toExclusive));
    }

    /** Block numbers at or above {@code height} that the mirror holds (the chain has no such blocks), at most {@code limit}. */
    public List<Long> blocksFrom(long height, int limit) throws SQLException {
        return inSnapshot(0, (connection, checkpoint) -> BlockQueries.numbersFrom(connection, height, limit)).orElseThrow().value();
    }

    /** The assets the mirror registered before {@code height}, in code order, with the block that registered each. */
    public Map<String, Long> assetsBefore(long height) throws SQLException {
        return inSnapshot(0, (connection, checkpoint) -> SupplyQueries.assetsBefore(connection, height)).orElseThrow().value();
    }

    /** The assets that have entries in the blocks {@code fromHeight .. toHeight - 1}. */
    public Set<String> assetsMovedBetween(long fromHeight, long toHeight) throws SQLException {
        return inSnapshot(toHeight, (connection, checkpoint) -> SupplyQueries.movedBetween(connection, fromHeight, toHeight))
                .orElseThrow(() -> new SQLException("the mirror does not yet hold block " + (toHeight - 1))).value();
    }

    /** The next block the mirror expects: every block below it is applied. */
    public long checkpoint() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try {
                return checkpoint(connection);
            } finally {
                connection.rollback();
            }
        }
    }

    /** A value read in one snapshot of the mirror, and that snapshot's checkpoint (the next block it expected). */
    public record Snapshot<T>(long checkpoint, T value) {
    }

    @FunctionalInterface
    private interface Read<T> {
        T read(Connection connection, long checkpoint) throws SQLException;
    }

    private <T> Optional<Snapshot<T>> inSnapshot(long minHeight, Read<T> read) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try {
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                long checkpoint = checkpoint(connection);
                if (checkpoint < minHeight) {
                    return Optional.empty();
                }
                return Optional.of(new Snapshot<>(checkpoint, read.read(connection, checkpoint)));
            } finally {
                // Read only: nothing to commit, and ending the transaction releases the snapshot at once.
                connection.rollback();
            }
        }
    }

    private static long checkpoint(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT next_block FROM bridge.checkpoint WHERE id = 1");
             ResultSet rs = select.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    static Array textArray(Connection connection, Collection<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray(new String[0]));
    }

    static BigInteger integer(ResultSet rs, int column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? BigInteger.ZERO : value.toBigIntegerExact();
    }

    /** The queries of account histories. */
    private static final class AccountQueries {

        static Map<String, AccountHistory> read(Connection connection, Collection<String> ids, long from) throws SQLException {
            Array idArray = textArray(connection, ids);
            Map<String, AccountHistory.Row> rows = rows(connection, idArray);
            Map<String, BigInteger[]> sums = entrySums(connection, idArray);
            Map<String, List<AccountHistory.RecentEntry>> recent = new HashMap<>();
            Set<String> holdIdsMoved = new HashSet<>();
            recentEntries(connection, idArray, from, recent, holdIdsMoved);
            Map<String, List<AccountHistory.HoldRow>> holds = holds(connection, idArray, holdIdsMoved, from);
            Map<String, AccountHistory> histories = new LinkedHashMap<>();
            for (String id : ids) {
                BigInteger[] sum = sums.getOrDefault(id, new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO});
                histories.put(id, new AccountHistory(id, rows.get(id), sum[0], sum[1], from,
                        recent.getOrDefault(id, List.of()), holds.getOrDefault(id, List.of())));
            }
            return histories;
        }

        private static Map<String, AccountHistory.Row> rows(Connection connection, Array ids) throws SQLException {
            Map<String, AccountHistory.Row> rows = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id, asset, jurisdiction, opened_block, balance, held "
                    + "FROM mirror.accounts WHERE id = ANY(?)")) {
                select.setArray(1, ids);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        rows.put(rs.getString(1), new AccountHistory.Row(rs.getString(2), rs.getString(3), rs.getLong(4),
                                rs.getLong(5), rs.getLong(6)));
                    }
                }
            }
            return rows;
        }

        /** The balance and held amount each account's entries add up to: the mirror's history, checked against its rows. */
        private static Map<String, BigInteger[]> entrySums(Connection connection, Array ids) throws SQLException {
            Map<String, BigInteger[]> sums = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT account_id, sum(" + EntrySql.BALANCE_DELTA + "), sum("
                    + EntrySql.HELD_DELTA + ") FROM mirror.entries WHERE account_id = ANY(?) GROUP BY account_id")) {
                select.setArray(1, ids);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        sums.put(rs.getString(1), new BigInteger[] {integer(rs, 2), integer(rs, 3)});
                    }
                }
            }
            return sums;
        }

        private static void recentEntries(Connection connection, Array ids, long from,
                Map<String, List<AccountHistory.RecentEntry>> recent, Set<String> holdIdsMoved) throws SQLException {
            try (PreparedStatement select = connection.prepareStatement("SELECT account_id, block_number, kind, amount, hold_id "
                    + "FROM mirror.entries WHERE account_id = ANY(?) AND block_number >= ?")) {
                select.setArray(1, ids);
                select.setLong(2, from);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        recent.computeIfAbsent(rs.getString(1), id -> new ArrayList<>())
                                .add(new AccountHistory.RecentEntry(rs.getLong(2), rs.getString(3), rs.getLong(4)));
                        if (rs.getString(5) != null) {
                            holdIdsMoved.add(rs.getString(5));
                        }
                    }
                }
            }
        }

        /**
         * The holds open now, and those closed at or after {@code from} (found through the entries that moved them:
         * the mirror indexes holds by account only while they are open).
         */
        private static Map<String, List<AccountHistory.HoldRow>> holds(Connection connection, Array ids, Set<String> moved,
                long from) throws SQLException {
            Map<String, List<AccountHistory.HoldRow>> holds = new HashMap<>();
            String sql = "SELECT account_id, id, amount, placed_block, closed_block FROM mirror.holds WHERE account_id = ANY(?) "
                    + "AND status = 'OPEN' UNION ALL SELECT account_id, id, amount, placed_block, closed_block FROM mirror.holds "
                    + "WHERE id = ANY(?) AND status <> 'OPEN' AND closed_block >= ?";
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setArray(1, ids);
                select.setArray(2, textArray(connection, moved));
                select.setLong(3, from);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        long closed = rs.getLong(5);
                        Long closedBlock = rs.wasNull() ? null : closed;
                        holds.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(new AccountHistory.HoldRow(
                                rs.getString(2), rs.getLong(3), rs.getLong(4), closedBlock));
                    }
                }
            }
            return holds;
        }
    }
}
