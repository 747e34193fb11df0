package io.ledgernode.mirror.reconciliation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reads recorded runs and breaks, for node-service to serve to operators and auditors. Works on a read-only data
 * source of role {@code ledger_reader} (granted SELECT on {@code reconciler.runs} and {@code reconciler.breaks}).
 * Paging is by cursor: pass the previous page's {@code nextCursor} to get the next page; null starts at the first.
 * Every page is bounded by {@link #PAGE_SIZE_MAX}.
 */
public final class BreakReader {

    /** The most rows one page may ask for. */
    public static final int PAGE_SIZE_MAX = 1_000;

    private static final String RUN_COLUMNS = "id, trigger, status, started_at, finished_at, consistent_block, "
            + "consistent_block_hash, accounts_compared, assets_compared, blocks_compared, breaks_found, failure, runner, first_block, "
            + "block_coverage, block_coverage_reason";
    private static final String BREAK_COLUMNS = "id, run_id, type, subject, account_id, jurisdiction, asset, tx_id, "
            + "block_number, chain_value, mirror_value, detail, recorded_at";

    private final DataSource dataSource;

    public BreakReader(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** A page of runs, newest first; {@code nextCursor} is null after the oldest. */
    public record RunPage(List<RunView> runs, Long nextCursor) {
        public RunPage {
            runs = List.copyOf(runs);
        }
    }

    /** A page of one run's breaks in the order they were found; {@code nextCursor} is null after the last. */
    public record BreakPage(List<BreakView> breaks, Long nextCursor) {
        public BreakPage {
            breaks = List.copyOf(breaks);
        }
    }

    /** Runs newest first, {@code limit} at most, older than {@code cursor} (a previous page's nextCursor) if given. */
    public RunPage runs(int limit, Long cursor) throws SQLException {
        requireLimit(limit);
        String sql = "SELECT " + RUN_COLUMNS + " FROM reconciler.runs WHERE id < ? ORDER BY id DESC LIMIT ?";
        List<RunView> runs = query(sql, statement -> {
            statement.setLong(1, cursor == null ? Long.MAX_VALUE : cursor);
            statement.setInt(2, limit + 1);
        }, BreakReader::run);
        return runs.size() > limit ? new RunPage(runs.subList(0, limit), runs.get(limit - 1).id()) : new RunPage(runs, null);
    }

    /** One run. */
    public Optional<RunView> run(long runId) throws SQLException {
        return query("SELECT " + RUN_COLUMNS + " FROM reconciler.runs WHERE id = ?", s -> s.setLong(1, runId), BreakReader::run)
                .stream().findFirst();
    }

    /** The most recent completed run: what the node's books were last shown to be. */
    public Optional<RunView> latestCompleted() throws SQLException {
        return query("SELECT " + RUN_COLUMNS + " FROM reconciler.runs WHERE status = 'COMPLETED' ORDER BY id DESC LIMIT 1",
                s -> { }, BreakReader::run).stream().findFirst();
    }

    /**
     * The most recent completed run that found no break: the last block it verified, and that block's header hash,
     * are where the next run's block pass may continue from.
     */
    public Optional<RunView> latestClean() throws SQLException {
        return query("SELECT " + RUN_COLUMNS + " FROM reconciler.runs WHERE status = 'COMPLETED' AND breaks_found = 0 "
                + "ORDER BY id DESC LIMIT 1", s -> { }, BreakReader::run).stream().findFirst();
    }

    /** The most recent completed run whose block pass verified every block from block 0. */
    public Optional<RunView> latestFullVerification() throws SQLException {
        return query("SELECT " + RUN_COLUMNS + " FROM reconciler.runs WHERE status = 'COMPLETED' AND block_coverage = 'FULL' "
                + "ORDER BY id DESC LIMIT 1", s -> { }, BreakReader::run).stream().findFirst();
    }

    /**
     * Breaks of one run, {@code limit} at most, after {@code cursor} if given; only those of {@code jurisdiction}
     * (an account's) if given, for a regulator who may see only its own.
     */
    public BreakPage breaks(long runId, Optional<String> jurisdiction, int limit, Long cursor) throws SQLException {
        requireLimit(limit);
        String sql = "SELECT " + BREAK_COLUMNS + " FROM reconciler.breaks WHERE run_id = ? AND id > ?"
                + (jurisdiction.isPresent() ? " AND jurisdiction = ?" : "") + " ORDER BY id LIMIT ?";
        List<BreakView> breaks = query(sql, statement -> {
            statement.setLong(1, runId);
            statement.setLong(2, cursor == null ? 0 : cursor);
            int next = 3;
            if (jurisdiction.isPresent()) {
                statement.setString(next++, jurisdiction.get());
            }
            statement.setInt(next, limit + 1);
        }, BreakReader::breakView);
        return breaks.size() > limit ? new BreakPage(breaks.subList(0, limit), breaks.get(limit - 1).id())
                : new BreakPage(breaks, null);
    }

    /** How many breaks of each type a run recorded (every type present, zero where none). */
    public Map<BreakType, Long> countsByType(long runId) throws SQLException {
        Map<BreakType, Long> counts = new EnumMap<>(BreakType.class);
        for (BreakType type : BreakType.values()) {
            counts.put(type, 0L);
        }
        query("SELECT type, count(*) FROM reconciler.breaks WHERE run_id = ? GROUP BY type", s -> s.setLong(1, runId), rs -> {
            counts.put(BreakType.valueOf(rs.getString(1)), rs.getLong(2));
            return null;
        });
        return counts;
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                binder.bind(statement);
                List<T> rows = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        rows.add(mapper.map(rs));
                    }
                }
                return rows;
            } finally {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
            }
        }
    }

    private static RunView run(ResultSet rs) throws SQLException {
        long block = rs.getLong(6);
        Long consistentBlock = rs.wasNull() ? null : block;
        byte[] hash = rs.getBytes(7);
        return new RunView(rs.getLong(1), Trigger.valueOf(rs.getString(2)), RunStatus.valueOf(rs.getString(3)),
                instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)), consistentBlock,
                hash == null ? null : HexFormat.of().formatHex(hash), rs.getLong(8), rs.getLong(9), rs.getLong(10),
                rs.getLong(11), rs.getString(12), rs.getString(13), nullableLong(rs, 14),
                rs.getString(15) == null ? null : BlockCoverage.valueOf(rs.getString(15)), rs.getString(16));
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static BreakView breakView(ResultSet rs) throws SQLException {
        return new BreakView(rs.getLong(1), rs.getLong(2), BreakType.valueOf(rs.getString(3)), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getLong(9), rs.getString(10),
                rs.getString(11), rs.getString(12), instant(rs.getTimestamp(13)));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static void requireLimit(int limit) {
        if (limit < 1 || limit > PAGE_SIZE_MAX) {
            throw new IllegalArgumentException("limit must be in [1, " + PAGE_SIZE_MAX + "], got " + limit);
        }
    }
}
