package io.ledgernode.node.webhook;

import io.ledgernode.api.money.EntryKind;
import io.ledgernode.mirror.EntryPosition;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/** Subscriptions, their positions and dead letters in schema {@code notifications}; each method is one transaction. */
final class SubscriptionStore {

    private static final String COLUMNS = "id, owner_issuer, owner_subject, url, event_kinds, accounts, jurisdiction, secret, status, "
            + "created_at, after_block, after_tx, after_entry, delivered, failing_since, attempts, next_attempt_at, last_error, alerts_after";

    /** A dead letter as kept; its position is its entry's (an alert's entry, or none for an alert about a refused attempt). */
    record DeadLetter(String webhookId, Optional<EntryPosition> position, String payload, int attempts, String lastError,
                      Instant failedAt) {
    }

    /** A new subscription's fields. */
    record New(String id, String ownerIssuer, String ownerSubject, String idempotencyKey, String url, Set<EntryKind> eventKinds,
               boolean alerts, Optional<List<String>> accounts, Optional<String> jurisdiction, String secret, Instant createdAt, EntryPosition after) {
    }

    private final DataSource dataSource;

    SubscriptionStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Keeps {@code subscription}, unless its owner already keeps one under the same idempotency key: then that one
     * (the caller compares the request). Refuses a caller that keeps {@code perCallerMax} already.
     */
    Created create(New subscription, int perCallerMax) throws SQLException {
        try (Connection connection = transaction()) {
            try {
                Optional<Subscription> existing = one(connection, "SELECT " + COLUMNS + " FROM notifications.subscriptions WHERE owner_issuer = ? "
                        + "AND owner_subject = ? AND idempotency_key = ?", subscription.ownerIssuer(), subscription.ownerSubject(),
                        subscription.idempotencyKey());
                if (existing.isPresent()) {
                    connection.rollback();
                    return new Created(existing.get(), false);
                }
                // One caller's creations queue on its own advisory lock, so the count cannot be raced past.
                try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(? || '\\n' || ?))")) {
                    lock.setString(1, subscription.ownerIssuer());
                    lock.setString(2, subscription.ownerSubject());
                    lock.execute();
                }
                if (count(connection, subscription.ownerIssuer(), subscription.ownerSubject()) >= perCallerMax) {
                    connection.rollback();
                    return new Created(null, false);
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO notifications.subscriptions (id, owner_issuer, "
                        + "owner_subject, idempotency_key, url, event_kinds, accounts, jurisdiction, secret, status, created_at, after_block, "
                        + "after_tx, after_entry) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?) "
                        + "ON CONFLICT (owner_issuer, owner_subject, idempotency_key) DO NOTHING")) {
                    insert.setString(1, subscription.id());
                    insert.setString(2, subscription.ownerIssuer());
                    insert.setString(3, subscription.ownerSubject());
                    insert.setString(4, subscription.idempotencyKey());
                    insert.setString(5, subscription.url());
                    List<String> kinds = new ArrayList<>(subscription.eventKinds().stream().map(Enum::name).sorted().toList());
                    if (subscription.alerts()) {
                        kinds.add(SubscriptionRequest.ALERT);
                    }
                    insert.setArray(6, connection.createArrayOf("text", kinds.toArray()));
                    insert.setArray(7, subscription.accounts().isEmpty() ? null
                            : connection.createArrayOf("text", subscription.accounts().get().toArray()));
                    insert.setString(8, subscription.jurisdiction().orElse(null));
                    insert.setString(9, subscription.secret());
                    insert.setTimestamp(10, Timestamp.from(subscription.createdAt()));
                    insert.setLong(11, subscription.after().blockNumber());
                    insert.setInt(12, Math.toIntExact(subscription.after().txIndex()));
                    insert.setInt(13, Math.toIntExact(subscription.after().entryIndex()));
                    insert.executeUpdate();
                }
                Subscription kept = one(connection, "SELECT " + COLUMNS + " FROM notifications.subscriptions WHERE owner_issuer = ? "
                        + "AND owner_subject = ? AND idempotency_key = ?", subscription.ownerIssuer(), subscription.ownerSubject(),
                        subscription.idempotencyKey()).orElseThrow();
                connection.commit();
                return new Created(kept, kept.id().equals(subscription.id()));
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** What a creation came to: the subscription kept (null when the caller keeps too many), and whether it is new. */
    record Created(Subscription subscription, boolean created) {
    }

    List<Subscription> owned(String issuer, String subject) throws SQLException {
        return read(connection -> list(connection, "SELECT " + COLUMNS + " FROM notifications.subscriptions WHERE owner_issuer = ? "
                + "AND owner_subject = ? ORDER BY id", issuer, subject));
    }

    Optional<Subscription> owned(String issuer, String subject, String id) throws SQLException {
        return read(connection -> one(connection, "SELECT " + COLUMNS + " FROM notifications.subscriptions WHERE owner_issuer = ? "
                + "AND owner_subject = ? AND id = ?", issuer, subject, id));
    }

    /**
     * Active subscriptions whose next delivery is due at {@code now} and that may have something to send: not yet
     * looked at up to the mirror's {@code height}, or (a subscription to alerts) up to alert {@code alertMax}. At most
     * {@code limit}.
     */
    List<Subscription> due(Instant now, long height, long alertMax, int limit) throws SQLException {
        return read(connection -> list(connection, "SELECT " + COLUMNS + " FROM notifications.subscriptions WHERE status = 'ACTIVE' AND "
                + "(next_attempt_at IS NULL OR next_attempt_at <= ?) AND (checked_height < ? OR ('" + SubscriptionRequest.ALERT
                + "' = ANY(event_kinds) AND checked_alert < ?)) ORDER BY coalesce(next_attempt_at, created_at) LIMIT ?",
                Timestamp.from(now), height, alertMax, limit));
    }

    /**
     * A round sent the subscription everything up to the mirror's {@code height} and alert {@code alertMax}: it is not
     * served again before either moves. Only if its positions are still {@code after} and {@code alertsAfter} (a replay
     * asked meanwhile wins).
     */
    void checked(String id, EntryPosition after, long alertsAfter, long height, long alertMax) throws SQLException {
        update("UPDATE notifications.subscriptions SET checked_height = ?, checked_alert = ? WHERE id = ? AND after_block = ? "
                + "AND after_tx = ? AND after_entry = ? AND alerts_after = ? AND next_attempt_at IS NULL", height, alertMax, id,
                after.blockNumber(), after.txIndex(), after.entryIndex(), alertsAfter);
    }

    /** Pauses or resumes; false when the owner has no such subscription. */
    boolean status(String issuer, String subject, String id, Subscription.Status status) throws SQLException {
        return update("UPDATE notifications.subscriptions SET status = ?, next_attempt_at = NULL WHERE owner_issuer = ? AND owner_subject = ? "
                + "AND id = ?", status.name(), issuer, subject, id) == 1;
    }

    boolean delete(String issuer, String subject, String id) throws SQLException {
        return update("DELETE FROM notifications.subscriptions WHERE owner_issuer = ? AND owner_subject = ? AND id = ?", issuer, subject, id) == 1;
    }

    /** Delivers again from {@code block} on (every entry after it, delivered or not); false when there is no such subscription. */
    boolean replayFrom(String issuer, String subject, String id, long block) throws SQLException {
        EntryPosition after = Subscription.before(block);
        return update("UPDATE notifications.subscriptions SET after_block = ?, after_tx = ?, after_entry = ?, failing_since = NULL, "
                + "attempts = 0, next_attempt_at = NULL, last_error = NULL, checked_height = -1 WHERE owner_issuer = ? AND owner_subject = ? "
                + "AND id = ?",
                after.blockNumber(), after.txIndex(), after.entryIndex(), issuer, subject, id) == 1;
    }

    /**
     * The entry after {@code from} was delivered: the position moves to {@code to}, failures are forgotten. Only if the
     * position is still {@code from} (a replay asked meanwhile wins).
     */
    void delivered(String id, EntryPosition from, EntryPosition to) throws SQLException {
        update("UPDATE notifications.subscriptions SET after_block = ?, after_tx = ?, after_entry = ?, delivered = delivered + 1, "
                + "failing_since = NULL, attempts = 0, next_attempt_at = NULL, last_error = NULL WHERE id = ? AND after_block = ? "
                + "AND after_tx = ? AND after_entry = ?", to.blockNumber(), to.txIndex(), to.entryIndex(), id, from.blockNumber(), from.txIndex(), from.entryIndex());
    }

    /** A delivery of the entry after {@code at} failed; the next attempt is at {@code next}. */
    void failed(String id, EntryPosition at, Instant failingSince, int attempts, Instant next, String error) throws SQLException {
        update("UPDATE notifications.subscriptions SET failing_since = ?, attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ? "
                + "AND after_block = ? AND after_tx = ? AND after_entry = ?", Timestamp.from(failingSince), attempts, Timestamp.from(next),
                error, id, at.blockNumber(), at.txIndex(), at.entryIndex());
    }

    /** Alert {@code toId} was delivered: the alerts' position moves to it, failures are forgotten (if it is still at {@code fromId}). */
    void alertDelivered(String id, long fromId, long toId) throws SQLException {
        update("UPDATE notifications.subscriptions SET alerts_after = ?, delivered = delivered + 1, failing_since = NULL, attempts = 0, "
                + "next_attempt_at = NULL, last_error = NULL WHERE id = ? AND alerts_after = ?", toId, id, fromId);
    }

    /** A delivery of the alert after {@code fromId} failed; the next attempt is at {@code next}. */
    void alertFailed(String id, long fromId, Instant failingSince, int attempts, Instant next, String error) throws SQLException {
        update("UPDATE notifications.subscriptions SET failing_since = ?, attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ? "
                + "AND alerts_after = ?", Timestamp.from(failingSince), attempts, Timestamp.from(next), error, id, fromId);
    }

    /** Gives up on alert {@code toId}: kept as a dead letter, and the alerts' position moves on. */
    void alertDeadLetter(String id, long fromId, long toId, DeadLetter letter) throws SQLException {
        try (Connection connection = transaction()) {
            try {
                int moved;
                try (PreparedStatement move = connection.prepareStatement("UPDATE notifications.subscriptions SET alerts_after = ?, "
                        + "failing_since = NULL, attempts = 0, next_attempt_at = NULL, last_error = NULL WHERE id = ? AND alerts_after = ?")) {
                    set(move, toId, id, fromId);
                    moved = move.executeUpdate();
                }
                if (moved == 1) {
                    insertDeadLetter(connection, id, letter);
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** Gives up on the entry after {@code from} (now at {@code to}): kept as a dead letter, and the position moves on. */
    void deadLetter(String id, EntryPosition from, EntryPosition to, DeadLetter letter) throws SQLException {
        try (Connection connection = transaction()) {
            try {
                int moved;
                try (PreparedStatement move = connection.prepareStatement("UPDATE notifications.subscriptions SET after_block = ?, after_tx = ?, "
                        + "after_entry = ?, failing_since = NULL, attempts = 0, next_attempt_at = NULL, last_error = NULL WHERE id = ? "
                        + "AND after_block = ? AND after_tx = ? AND after_entry = ?")) {
                    set(move, to.blockNumber(), to.txIndex(), to.entryIndex(), id, from.blockNumber(), from.txIndex(), from.entryIndex());
                    moved = move.executeUpdate();
                }
                if (moved == 1) {
                    insertDeadLetter(connection, id, letter);
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static void insertDeadLetter(Connection connection, String id, DeadLetter letter) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO notifications.dead_letters (subscription_id, webhook_id, "
                + "block_number, tx_index, entry_index, payload, attempts, last_error, failed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING")) {
            Optional<EntryPosition> at = letter.position();
            set(insert, id, letter.webhookId(), at.map(EntryPosition::blockNumber).orElse(null),
                    at.map(p -> Math.toIntExact(p.txIndex())).orElse(null), at.map(p -> Math.toIntExact(p.entryIndex())).orElse(null),
                    letter.payload(), letter.attempts(), letter.lastError(), Timestamp.from(letter.failedAt()));
            insert.executeUpdate();
        }
    }

    /** The subscription's dead letters, the latest first, at most {@code limit}. */
    List<DeadLetter> deadLetters(String id, int limit) throws SQLException {
        return read(connection -> {
            List<DeadLetter> letters = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT webhook_id, block_number, tx_index, entry_index, payload, "
                    + "attempts, last_error, failed_at FROM notifications.dead_letters WHERE subscription_id = ? "
                    + "ORDER BY failed_at DESC, webhook_id DESC LIMIT ?")) {
                set(select, id, limit);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        long block = rs.getLong(2);
                        Optional<EntryPosition> at = rs.wasNull() ? Optional.empty() : Optional.of(new EntryPosition(block, rs.getInt(3), rs.getInt(4)));
                        letters.add(new DeadLetter(rs.getString(1), at, rs.getString(5), rs.getInt(6), rs.getString(7),
                                rs.getTimestamp(8).toInstant()));
                    }
                }
            }
            return letters;
        });
    }

    /** A connection in a transaction of its own (whatever the pool's default), committed or rolled back by the caller. */
    private Connection transaction() throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        return connection;
    }

    private static long count(Connection connection, String issuer, String subject) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM notifications.subscriptions WHERE owner_issuer = ? "
                + "AND owner_subject = ?")) {
            set(select, issuer, subject);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @FunctionalInterface
    private interface Read<T> {
        T read(Connection connection) throws SQLException;
    }

    private <T> T read(Read<T> read) throws SQLException {
        try (Connection connection = transaction()) {
            try {
                return read.read(connection);
            } finally {
                connection.rollback();
            }
        }
    }

    private int update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = transaction()) {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                set(update, parameters);
                int rows = update.executeUpdate();
                connection.commit();
                return rows;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static Optional<Subscription> one(Connection connection, String sql, Object... parameters) throws SQLException {
        return list(connection, sql, parameters).stream().findFirst();
    }

    private static List<Subscription> list(Connection connection, String sql, Object... parameters) throws SQLException {
        List<Subscription> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            set(select, parameters);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(subscription(rs));
                }
            }
        }
        return rows;
    }

    private static Subscription subscription(ResultSet rs) throws SQLException {
        Set<EntryKind> kinds = EnumSet.noneOf(EntryKind.class);
        boolean alerts = false;
        for (String kind : strings(rs.getArray(5))) {
            if (kind.equals(SubscriptionRequest.ALERT)) {
                alerts = true;
            } else {
                kinds.add(EntryKind.valueOf(kind));
            }
        }
        Array accounts = rs.getArray(6);
        return new Subscription(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), kinds, alerts, rs.getLong(19),
                accounts == null ? Optional.empty() : Optional.of(strings(accounts)), Optional.ofNullable(rs.getString(7)), rs.getString(8),
                Subscription.Status.valueOf(rs.getString(9)), rs.getTimestamp(10).toInstant(),
                new EntryPosition(rs.getLong(11), rs.getInt(12), rs.getInt(13)), rs.getLong(14),
                Optional.ofNullable(rs.getTimestamp(15)).map(Timestamp::toInstant), rs.getInt(16),
                Optional.ofNullable(rs.getTimestamp(17)).map(Timestamp::toInstant), Optional.ofNullable(rs.getString(18)));
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(String.class::cast).collect(Collectors.toList());
    }

    private static void set(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }
}
