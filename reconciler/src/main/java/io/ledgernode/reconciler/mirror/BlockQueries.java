package io.ledgernode.reconciler.mirror;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The queries of the block check: one range of block numbers at a time, by primary key. */
final class BlockQueries {

    private BlockQueries() {
    }

    static List<MirrorBlock> read(Connection connection, long from, long toExclusive) throws SQLException {
        Map<Long, List<MirrorBlock.MirrorTransaction>> transactions = new TreeMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT block_number, tx_index, tx_id, validation_code "
                + "FROM mirror.transactions WHERE block_number >= ? AND block_number < ? ORDER BY block_number, tx_index")) {
            select.setLong(1, from);
            select.setLong(2, toExclusive);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    transactions.computeIfAbsent(rs.getLong(1), n -> new ArrayList<>())
                            .add(new MirrorBlock.MirrorTransaction(rs.getInt(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        List<MirrorBlock> blocks = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT number, header_hash, previous_hash, data_hash, tx_count "
                + "FROM mirror.blocks WHERE number >= ? AND number < ? ORDER BY number")) {
            select.setLong(1, from);
            select.setLong(2, toExclusive);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long number = rs.getLong(1);
                    blocks.add(new MirrorBlock(number, rs.getBytes(2), rs.getBytes(3), rs.getBytes(4), rs.getInt(5),
                            transactions.getOrDefault(number, List.of())));
                }
            }
        }
        return blocks;
    }

    static List<Long> numbersFrom(Connection connection, long height, int limit) throws SQLException {
        List<Long> numbers = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT number FROM mirror.blocks WHERE number >= ? ORDER BY number LIMIT ?")) {
            select.setLong(1, height);
            select.setInt(2, limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    numbers.add(rs.getLong(1));
                }
            }
        }
        return numbers;
    }
}
