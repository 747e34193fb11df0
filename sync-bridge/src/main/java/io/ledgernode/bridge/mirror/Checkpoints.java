package io.ledgernode.bridge.mirror;

import static io.ledgernode.mirror.MirrorTables.CHECKPOINT;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Reading and writing the checkpoint: the number of the next block the mirror expects. Reading is separate from
 * writing, and writing happens only inside a block's transaction ({@link BlockApplier}).
 */
public final class Checkpoints {

    private Checkpoints() {
    }

    /** The next block expected, creating the checkpoint at block 0 for {@code channel} on first use. */
    public static long next(Connection connection, String channel) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + CHECKPOINT + " (id, channel, next_block, updated_at) VALUES (1, ?, 0, ?) ON CONFLICT (id) DO NOTHING")) {
            insert.setString(1, channel);
            insert.setTimestamp(2, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT channel, next_block FROM " + CHECKPOINT + " WHERE id = 1");
             ResultSet rs = select.executeQuery()) {
            rs.next();
            if (!rs.getString(1).equals(channel)) {
                throw new SQLException("this mirror follows channel " + rs.getString(1) + ", not " + channel);
            }
            long next = rs.getLong(2);
            connection.commit();
            return next;
        }
    }

    /** Locks the checkpoint row for this transaction and returns the next block expected, if a checkpoint exists. */
    static OptionalLong lockNext(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT next_block FROM " + CHECKPOINT + " WHERE id = 1 FOR UPDATE");
             ResultSet rs = select.executeQuery()) {
            return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
        }
    }

    static void advance(Connection connection, long from, long to) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE " + CHECKPOINT + " SET next_block = ?, updated_at = ? WHERE id = 1 AND next_block = ?")) {
            update.setLong(1, to);
            update.setTimestamp(2, Timestamp.from(Instant.now()));
            update.setLong(3, from);
            if (update.executeUpdate() != 1) {
                throw new SQLException("checkpoint moved under the bridge (expected " + from + ")");
            }
        }
    }
}
