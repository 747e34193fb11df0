package io.ledgernode.reconciler.testing;

import io.ledgernode.reconciler.chain.ChainBlock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Writes blocks to the mirror the way the sync-bridge does (rows of the block, its transactions, the events' effects,
 * and the checkpoint, in one transaction), for the unit tests' mirror to be a true copy of the fake chain.
 */
final class MirrorWriter {

    private final TestDatabase.Node node;

    MirrorWriter(TestDatabase.Node node) {
        this.node = node;
    }

    void apply(ChainBlock block, List<List<Op>> transactions) throws SQLException {
        try (Connection connection = node.superuser()) {
            connection.setAutoCommit(false);
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO mirror.blocks (number, header_hash, "
                    + "previous_hash, data_hash, tx_count, observed_at, mirrored_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, block.number());
                insert.setBytes(2, block.headerHash());
                insert.setBytes(3, block.previousHash());
                insert.setBytes(4, block.dataHash());
                insert.setInt(5, block.transactions().size());
                insert.setTimestamp(6, now);
                insert.setTimestamp(7, now);
                insert.executeUpdate();
            }
            for (ChainBlock.ChainTransaction tx : block.transactions()) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO mirror.transactions (block_number, tx_index, "
                        + "tx_id, header_type, validation_code, creator_msp, chaincode, function, tx_timestamp) "
                        + "VALUES (?, ?, ?, 'ENDORSER_TRANSACTION', ?, 'Org1MSP', 'ledger', 'test', ?)")) {
                    insert.setLong(1, block.number());
                    insert.setInt(2, tx.index());
                    insert.setString(3, tx.txId());
                    insert.setString(4, tx.validationCode());
                    insert.setTimestamp(5, now);
                    insert.executeUpdate();
                }
                int entryIndex = 0;
                for (Op op : transactions.get(tx.index())) {
                    if (!op.chainOnly()) {
                        entryIndex = apply(connection, block.number(), tx, op, entryIndex, now);
                    }
                }
            }
            try (PreparedStatement checkpoint = connection.prepareStatement(
                    "UPDATE bridge.checkpoint SET next_block = ?, updated_at = now() WHERE id = 1 AND next_block = ?")) {
                checkpoint.setLong(1, block.number() + 1);
                checkpoint.setLong(2, block.number());
                if (checkpoint.executeUpdate() != 1) {
                    throw new SQLException("the mirror is not at block " + block.number());
                }
            }
            connection.commit();
        }
    }

    private static int apply(Connection connection, long number, ChainBlock.ChainTransaction tx, Op op, int entryIndex,
            Timestamp now) throws SQLException {
        switch (op) {
            case Op.RegisterAsset a -> update(connection, "INSERT INTO mirror.assets (code, decimals, supply, block_number, tx_id) "
                    + "VALUES (?, ?, 0, ?, ?)", a.code(), a.decimals(), number, tx.txId());
            case Op.Open o -> update(connection, "INSERT INTO mirror.accounts (id, asset, custodian_msp, owner_ref, jurisdiction, "
                    + "status, balance, held, opened_block, updated_block) VALUES (?, ?, 'Org1MSP', 'ref', ?, 'ACTIVE', 0, 0, ?, ?)",
                    o.id(), o.asset(), o.jurisdiction(), number, number);
            case Op.PlaceHold h -> update(connection, "INSERT INTO mirror.holds (id, account_id, asset, amount, expires_at, status, "
                    + "placed_tx_id, placed_block) VALUES (?, ?, ?, ?, now() + interval '1 hour', 'OPEN', ?, ?)",
                    h.holdId(), h.account(), h.asset(), h.amount(), tx.txId(), number);
            case Op.CloseHold c -> update(connection, "UPDATE mirror.holds SET status = ?, closed_tx_id = ?, closed_block = ? "
                    + "WHERE id = ? AND status = 'OPEN'", c.status(), tx.txId(), number, c.holdId());
            case Op.Entry e -> {
                update(connection, "INSERT INTO mirror.entries (block_number, tx_index, entry_index, tx_id, account_id, asset, kind, "
                        + "amount, hold_id, tx_timestamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", number, tx.index(), entryIndex,
                        tx.txId(), e.account(), e.asset(), e.kind(), e.amount(), e.holdId(), now);
                long[] effect = effect(e.kind(), e.amount());
                update(connection, "UPDATE mirror.accounts SET balance = balance + ?, held = held + ?, updated_block = ? WHERE id = ?",
                        effect[0], effect[1], number, e.account());
                update(connection, "UPDATE mirror.assets SET supply = supply + ? WHERE code = ?", effect[2], e.asset());
                return entryIndex + 1;
            }
        }
        return entryIndex;
    }

    /** Balance, held and supply deltas of an entry kind: the test's own statement of the chaincode's bookkeeping. */
    private static long[] effect(String kind, long amount) {
        return switch (kind) {
            case "MINT" -> new long[] {amount, 0, amount};
            case "BURN" -> new long[] {-amount, 0, -amount};
            case "CREDIT" -> new long[] {amount, 0, 0};
            case "DEBIT" -> new long[] {-amount, 0, 0};
            case "HOLD" -> new long[] {-amount, amount, 0};
            case "HOLD_RELEASE" -> new long[] {amount, -amount, 0};
            case "HOLD_CAPTURE" -> new long[] {0, -amount, 0};
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static void update(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }
}
