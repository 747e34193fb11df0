package io.ledgernode.reconciler.mirror;

import static io.ledgernode.mirror.MirrorTables.ACCOUNTS;
import static io.ledgernode.mirror.MirrorTables.ENTRIES;
import static io.ledgernode.mirror.MirrorTables.HOLDS;

import io.ledgernode.mirror.EntrySql;
import io.ledgernode.mirror.MirrorReader;
import io.ledgernode.mirror.MirrorReader.Snapshot;
import io.ledgernode.mirror.MirrorView;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
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
 * The mirror as a reconciliation reads it, through the mirror module's one read API: each method runs in one snapshot
 * ({@link MirrorReader}) and reads the height in it first: if the mirror has not yet applied every block below
 * {@code minHeight}, it reads nothing more and answers empty, so the caller waits and asks again. The queries here are
 * the reconciliation's own (sums and recent histories of one page of accounts or assets); every one is keyed by the
 * ids or block range of one page, so each is bounded by the page size.
 */
public final class MirrorHistories {

    private final MirrorReader reader;

    /** Over a pool of read-only connections of the mirror's reader role. */
    public MirrorHistories(DataSource dataSource) {
        this.reader = new MirrorReader(dataSource);
    }

    /** The mirror's histories of some accounts, from height {@code from}, in a snapshot holding every block below {@code minHeight}. */
    public Optional<Snapshot<Map<String, AccountHistory>>> accounts(Collection<String> ids, long from, long minHeight)
            throws SQLException {
        return reader.readAtLeast(minHeight, view -> AccountQueries.read(view, ids, from));
    }

    /** The mirror's histories of some assets' supplies, from height {@code from}. */
    public Optional<Snapshot<Map<String, SupplyHistory>>> supplies(Collection<String> codes, long from, long minHeight)
            throws SQLException {
        return reader.readAtLeast(minHeight, view -> SupplyQueries.read(view, codes, from));
    }

    /** The mirror's blocks and their transactions numbered {@code from .. toExclusive - 1}. */
    public Optional<Snapshot<List<MirrorBlock>>> blocks(long from, long toExclusive) throws SQLException {
        return reader.readAtLeast(toExclusive, view -> BlockQueries.read(view, from, toExclusive));
    }

    /** Block numbers at or above {@code height} that the mirror holds (the chain has no such blocks), at most {@code limit}. */
    public List<Long> blocksFrom(long height, int limit) throws SQLException {
        return reader.read(view -> view.blockNumbersFrom(height, limit)).value();
    }

    /** The assets the mirror registered before {@code height}, in code order, with the block that registered each. */
    public Map<String, Long> assetsBefore(long height) throws SQLException {
        return reader.read(view -> SupplyQueries.assetsBefore(view, height)).value();
    }

    /** The assets that have entries in the blocks {@code fromHeight .. toHeight - 1}. */
    public Set<String> assetsMovedBetween(long fromHeight, long toHeight) throws SQLException {
        return reader.readAtLeast(toHeight, view -> SupplyQueries.movedBetween(view, fromHeight, toHeight))
                .orElseThrow(() -> new SQLException("the mirror does not yet hold block " + (toHeight - 1))).value();
    }

    /** The next block the mirror expects: every block below it is applied. */
    public long checkpoint() throws SQLException {
        return reader.height();
    }

    static BigInteger integer(ResultSet rs, int column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? BigInteger.ZERO : value.toBigIntegerExact();
    }

    /** The queries of account histories. */
    private static final class AccountQueries {

        static Map<String, AccountHistory> read(MirrorView view, Collection<String> ids, long from) throws SQLException {
            Array idArray = view.textArray(ids);
            Map<String, AccountHistory.Row> rows = rows(view, idArray);
            Map<String, BigInteger[]> sums = entrySums(view, idArray);
            Map<String, List<AccountHistory.RecentEntry>> recent = new HashMap<>();
            Set<String> holdIdsMoved = new HashSet<>();
            recentEntries(view, idArray, from, recent, holdIdsMoved);
            Map<String, List<AccountHistory.HoldRow>> holds = holds(view, idArray, holdIdsMoved, from);
            Map<String, AccountHistory> histories = new LinkedHashMap<>();
            for (String id : ids) {
                BigInteger[] sum = sums.getOrDefault(id, new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO});
                histories.put(id, new AccountHistory(id, rows.get(id), sum[0], sum[1], from,
                        recent.getOrDefault(id, List.of()), holds.getOrDefault(id, List.of())));
            }
            return histories;
        }

        private static Map<String, AccountHistory.Row> rows(MirrorView view, Array ids) throws SQLException {
            Map<String, AccountHistory.Row> rows = new HashMap<>();
            view.eachRow("SELECT id, asset, jurisdiction, opened_block, balance, held "
                    + "FROM " + ACCOUNTS + " WHERE id = ANY(?)", rs -> {
                rows.put(rs.getString(1), new AccountHistory.Row(rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6)));
            }, ids);
            return rows;
        }

        /** The balance and held amount each account's entries add up to: the mirror's history, checked against its rows. */
        private static Map<String, BigInteger[]> entrySums(MirrorView view, Array ids) throws SQLException {
            Map<String, BigInteger[]> sums = new HashMap<>();
            view.eachRow("SELECT account_id, sum(" + EntrySql.BALANCE_DELTA + "), sum("
                    + EntrySql.HELD_DELTA + ") FROM " + ENTRIES + " WHERE account_id = ANY(?) GROUP BY account_id",
                    rs -> sums.put(rs.getString(1), new BigInteger[] {integer(rs, 2), integer(rs, 3)}), ids);
            return sums;
        }

        private static void recentEntries(MirrorView view, Array ids, long from,
                Map<String, List<AccountHistory.RecentEntry>> recent, Set<String> holdIdsMoved) throws SQLException {
            view.eachRow("SELECT account_id, block_number, kind, amount, hold_id "
                    + "FROM " + ENTRIES + " WHERE account_id = ANY(?) AND block_number >= ?", rs -> {
                recent.computeIfAbsent(rs.getString(1), id -> new ArrayList<>())
                        .add(new AccountHistory.RecentEntry(rs.getLong(2), rs.getString(3), rs.getLong(4)));
                if (rs.getString(5) != null) {
                    holdIdsMoved.add(rs.getString(5));
                }
            }, ids, from);
        }

        /**
         * The holds open now, and those closed at or after {@code from} (found through the entries that moved them:
         * the mirror indexes holds by account only while they are open).
         */
        private static Map<String, List<AccountHistory.HoldRow>> holds(MirrorView view, Array ids, Set<String> moved,
                long from) throws SQLException {
            Map<String, List<AccountHistory.HoldRow>> holds = new HashMap<>();
            String sql = "SELECT account_id, id, amount, placed_block, closed_block FROM " + HOLDS + " WHERE account_id = ANY(?) "
                    + "AND status = 'OPEN' UNION ALL SELECT account_id, id, amount, placed_block, closed_block FROM " + HOLDS + " "
                    + "WHERE id = ANY(?) AND status <> 'OPEN' AND closed_block >= ?";
            view.eachRow(sql, rs -> {
                long closed = rs.getLong(5);
                Long closedBlock = rs.wasNull() ? null : closed;
                holds.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(new AccountHistory.HoldRow(
                        rs.getString(2), rs.getLong(3), rs.getLong(4), closedBlock));
            }, ids, view.textArray(moved), from);
            return holds;
        }
    }
}
