package io.ledgernode.node.alert;

import io.ledgernode.api.money.EntryKind;
import io.ledgernode.mirror.EntryPosition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;

/** Alerts and the scan's position in schema {@code notifications}; each method is one transaction. */
public final class AlertStore {

    private static final String COLUMNS = "id, kind, account_id, jurisdiction, asset, amount, threshold, tx_id, block_number, tx_index, "
            + "entry_index, occurred_at, detail, raised_at";

    /**
     * An alert to raise (its id is given when it is kept).
     *
     * @param side the side of the transfer the account is on: DEBIT (it sent) or CREDIT (it received, or was to)
     */
    public record Raised(AlertKind kind, String accountId, String jurisdiction, String asset, long amount, OptionalLong threshold,
                  Optional<String> txId, Optional<EntryPosition> position, EntryKind side, Instant occurredAt, String detail) {
    }

    /**
     * The advisory lock every writer of alerts holds until it commits (see {@link #insert}): a fixed number outside the
     * 32-bit range of the {@code hashtext} keys that {@code SubscriptionStore} locks, so the two never meet.
     */
    private static final long ALERT_WRITER_LOCK = 0x4c4e_414c_4552_5431L;

    private final DataSource dataSource;

    public AlertStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The position of the last entry the scan evaluated; before block 0 when it has not run. */
    EntryPosition scanned() throws SQLException {
        try (Connection connection = transaction(); PreparedStatement select = connection.prepareStatement(
                "SELECT after_block, after_tx, after_entry FROM notifications.alert_scan WHERE id = 1"); ResultSet rs = select.executeQuery()) {
            EntryPosition at = rs.next() ? new EntryPosition(rs.getLong(1), rs.getLong(2), rs.getLong(3)) : new EntryPosition(-1, 0, 0);
            connection.rollback();
            return at;
        }
    }

    /** Keeps {@code alerts} (none twice) and moves the scan to {@code scanned}, in one transaction. */
    void record(List<Raised> alerts, EntryPosition scanned, Instant now) throws SQLException {
        try (Connection connection = transaction()) {
            try {
                insert(connection, alerts, now);
                try (PreparedStatement move = connection.prepareStatement("INSERT INTO notifications.alert_scan (id, after_block, after_tx, "
                        + "after_entry) VALUES (1, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET after_block = excluded.after_block, "
                        + "after_tx = excluded.after_tx, after_entry = excluded.after_entry")) {
                    move.setLong(1, scanned.blockNumber());
                    move.setInt(2, (int) scanned.txIndex());
                    move.setInt(3, (int) scanned.entryIndex());
                    move.executeUpdate();
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** Keeps one alert raised outside the scan (a refused attempt). */
    public void raise(Raised alert, Instant now) throws SQLException {
        try (Connection connection = transaction()) {
            try {
                insert(connection, List.of(alert), now);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** Whether the account has a structuring alert on {@code side} of transfers that occurred after {@code since}. */
    boolean structuringSince(String accountId, EntryKind side, Instant since) throws SQLException {
        try (Connection connection = transaction(); PreparedStatement select = connection.prepareStatement("SELECT 1 FROM notifications.alerts "
                + "WHERE account_id = ? AND kind = 'STRUCTURING' AND entry_kind = ? AND occurred_at > ? LIMIT 1")) {
            select.setString(1, accountId);
            select.setString(2, side.name());
            select.setTimestamp(3, Timestamp.from(since));
            try (ResultSet rs = select.executeQuery()) {
                boolean found = rs.next();
                connection.rollback();
                return found;
            }
        }
    }

    /** The id of the newest alert kept, 0 when there is none. */
    public long maxId() throws SQLException {
        try (Connection connection = transaction(); PreparedStatement select = connection.prepareStatement(
                "SELECT coalesce(max(id), 0) FROM notifications.alerts"); ResultSet rs = select.executeQuery()) {
            rs.next();
            long max = rs.getLong(1);
            connection.rollback();
            return max;
        }
    }

    /**
     * Alerts with ids after {@code afterId} (0: from the first), oldest first, only of {@code jurisdiction} and only of
     * {@code accounts} when given, at most {@code limit}.
     */
    public List<Alert> after(long afterId, Optional<String> jurisdiction, Optional<List<String>> accounts, int limit) throws SQLException {
        return page("id > ?", afterId, "ORDER BY id", jurisdiction, accounts, Optional.empty(), limit);
    }

    /**
     * Alerts with ids before {@code beforeId}, newest first, only of {@code jurisdiction} and of {@code kind} when
     * given, at most {@code limit}.
     */
    List<Alert> before(long beforeId, Optional<String> jurisdiction, Optional<AlertKind> kind, int limit) throws SQLException {
        return page("id < ?", beforeId, "ORDER BY id DESC", jurisdiction, Optional.empty(), kind, limit);
    }

    /** A page of alerts: {@code where} on the id, then each filter that is given. */
    private List<Alert> page(String where, long id, String order, Optional<String> jurisdiction, Optional<List<String>> accounts,
                             Optional<AlertKind> kind, int limit) throws SQLException {
        try (Connection connection = transaction()) {
            StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM notifications.alerts WHERE " + where);
            List<Object> parameters = new ArrayList<>(List.of(id));
            if (jurisdiction.isPresent()) {
                sql.append(" AND jurisdiction = ?");
                parameters.add(jurisdiction.get());
            }
            if (accounts.isPresent()) {
                sql.append(" AND account_id = ANY (?)");
                parameters.add(connection.createArrayOf("text", accounts.get().toArray()));
            }
            if (kind.isPresent()) {
                sql.append(" AND kind = ?");
                parameters.add(kind.get().name());
            }
            sql.append(" ").append(order).append(" LIMIT ?");
            parameters.add(limit);
            List<Alert> alerts = select(connection, sql.toString(), parameters);
            connection.rollback();
            return alerts;
        }
    }

    private static List<Alert> select(Connection connection, String sql, List<Object> parameters) throws SQLException {
        List<Alert> alerts = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long threshold = rs.getLong(7);
                    OptionalLong thresholdOf = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(threshold);
                    long block = rs.getLong(9);
                    Optional<EntryPosition> position = rs.wasNull() ? Optional.empty()
                            : Optional.of(new EntryPosition(block, rs.getInt(10), rs.getInt(11)));
                    alerts.add(new Alert(rs.getLong(1), AlertKind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getLong(6), thresholdOf, Optional.ofNullable(rs.getString(8)), position, rs.getTimestamp(12).toInstant(),
                            rs.getString(13), rs.getTimestamp(14).toInstant()));
                }
            }
        }
        return alerts;
    }

    /**
     * Keeps alerts in the caller's transaction, after taking the alerts' writer lock (released when that transaction
     * ends). Why: ids come from a sequence, and a reader that has moved past an id (a webhook subscription's
     * {@code alerts_after}) never looks below it again. Two writers (the scan and a refused attempt) that took ids 10
     * and 11 and committed 11 first would let a reader see 11 and skip 10 for ever. Holding the lock from before the id
     * is taken until the commit makes ids become visible in their order.
     */
    private static void insert(Connection connection, List<Raised> alerts, Instant now) throws SQLException {
        if (alerts.isEmpty()) {
            return;
        }
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, ALERT_WRITER_LOCK);
            lock.executeQuery().close();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO notifications.alerts (kind, account_id, jurisdiction, asset, "
                + "amount, threshold, tx_id, block_number, tx_index, entry_index, occurred_at, detail, raised_at, entry_kind) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (Raised alert : alerts) {
                insert.setString(1, alert.kind().name());
                insert.setString(2, alert.accountId());
                insert.setString(3, alert.jurisdiction());
                insert.setString(4, alert.asset());
                insert.setLong(5, alert.amount());
                if (alert.threshold().isPresent()) {
                    insert.setLong(6, alert.threshold().getAsLong());
                } else {
                    insert.setNull(6, Types.BIGINT);
                }
                insert.setString(7, alert.txId().orElse(null));
                if (alert.position().isPresent()) {
                    insert.setLong(8, alert.position().get().blockNumber());
                    insert.setInt(9, (int) alert.position().get().txIndex());
                    insert.setInt(10, (int) alert.position().get().entryIndex());
                } else {
                    insert.setNull(8, Types.BIGINT);
                    insert.setNull(9, Types.INTEGER);
                    insert.setNull(10, Types.INTEGER);
                }
                insert.setTimestamp(11, Timestamp.from(alert.occurredAt()));
                insert.setString(12, alert.detail());
                insert.setTimestamp(13, Timestamp.from(now));
                insert.setString(14, alert.side().name());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private Connection transaction() throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        return connection;
    }
}
