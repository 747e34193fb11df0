package io.ledgernode.mirror;

import static io.ledgernode.mirror.MirrorTables.ACCOUNTS;
import static io.ledgernode.mirror.MirrorTables.CHECKPOINT;
import static io.ledgernode.mirror.MirrorTables.HOLDS;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The one way into the mirror for its readers (node-service, the reconciler, the reports): each read is one snapshot,
 * and comes back with that snapshot's height. A read runs in its own {@link MirrorView}, except the balance read
 * ({@link #accountWithHolds}), which is a single statement. The bridge, the only writer, does not use it.
 */
public final class MirrorReader {

    /**
     * The one statement of {@link #accountWithHolds}: the height, the account and its open holds (parameters: the
     * account id, the most holds). Left joins from a single row, so it answers one row even with no checkpoint (height
     * 0) or no such account (no account, no holds), and one row per open hold otherwise. Public so that a benchmark
     * can run exactly this statement in pgbench.
     */
    public static final String ACCOUNT_WITH_HOLDS_SQL = "SELECT c.next_block, " + Rows.qualified("a", Rows.ACCOUNT) + ", "
            + Rows.qualified("h", Rows.HOLD) + " FROM (VALUES (1)) one (x) LEFT JOIN " + CHECKPOINT + " c ON c.id = 1 "
            + "LEFT JOIN " + ACCOUNTS + " a ON a.id = ? LEFT JOIN LATERAL (SELECT " + Rows.HOLD + " FROM " + HOLDS
            + " WHERE account_id = a.id AND status = 'OPEN' ORDER BY id LIMIT ?) h ON true ORDER BY h.id";
    private static final int ACCOUNT_FIRST_COLUMN = 2;
    private static final int HOLD_FIRST_COLUMN = 14;

    private final DataSource dataSource;

    /** Over a pool of connections of the mirror's read-only role. */
    public MirrorReader(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** The pool, for other tables of the same database a reader owns (the reconciler's records). */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Reads in one snapshot. */
    @FunctionalInterface
    public interface Reads<T> {
        T read(MirrorView view) throws SQLException;
    }

    /** A value read in one snapshot, and that snapshot's height (the next block the mirror expected). */
    public record Snapshot<T>(long height, T value) {
    }

    /** The mirror's height now. */
    public long height() throws SQLException {
        return read(view -> null).height();
    }

    /** Runs {@code reads} in one snapshot. */
    public <T> Snapshot<T> read(Reads<T> reads) throws SQLException {
        try (MirrorView view = MirrorView.open(dataSource)) {
            long height = view.height();
            return new Snapshot<>(height, reads.read(view));
        }
    }

    /**
     * An account with its open holds in id order (at most {@code holdsMax}), and the height, read by ONE statement
     * outside a transaction. One statement sees one snapshot whatever the isolation, so this is exactly as consistent
     * as a {@link MirrorView} read of the same three things, and costs Postgres one round trip instead of five (BEGIN,
     * three SELECTs, ROLLBACK): the read wallets make most gets a path of its own.
     */
    public Snapshot<AccountWithHolds> accountWithHolds(String id, int holdsMax) throws SQLException {
        if (holdsMax <= 0) {
            throw new IllegalArgumentException("holdsMax must be positive, not " + holdsMax);
        }
        try (Connection connection = dataSource.getConnection()) {
            // Autocommit for this statement alone: no BEGIN sent before it, no ROLLBACK after. A pool gives the
            // connection back to its next user with the pool's own setting again.
            connection.setAutoCommit(true);
            try (PreparedStatement select = connection.prepareStatement(ACCOUNT_WITH_HOLDS_SQL)) {
                select.setString(1, id);
                select.setInt(2, holdsMax);
                try (ResultSet rs = select.executeQuery()) {
                    long height = 0;
                    Optional<Account> account = Optional.empty();
                    List<Hold> holds = new ArrayList<>();
                    while (rs.next()) {
                        height = rs.getLong(1);
                        if (account.isEmpty() && rs.getString(ACCOUNT_FIRST_COLUMN) != null) {
                            account = Optional.of(Rows.account(rs, ACCOUNT_FIRST_COLUMN));
                        }
                        if (rs.getString(HOLD_FIRST_COLUMN) != null) {
                            holds.add(Rows.hold(rs, HOLD_FIRST_COLUMN));
                        }
                    }
                    return new Snapshot<>(height, new AccountWithHolds(account, holds));
                }
            }
        }
    }

    /**
     * Runs {@code reads} in one snapshot if the mirror holds every block below {@code minHeight} in it; empty, having
     * read nothing more, if it does not yet.
     */
    public <T> Optional<Snapshot<T>> readAtLeast(long minHeight, Reads<T> reads) throws SQLException {
        try (MirrorView view = MirrorView.open(dataSource)) {
            long height = view.height();
            return height < minHeight ? Optional.empty() : Optional.of(new Snapshot<>(height, reads.read(view)));
        }
    }
}
