package io.ledgernode.bridge.mirror;

import static io.ledgernode.mirror.MirrorTables.BLOCKS;
import static io.ledgernode.mirror.MirrorTables.ERRORS;
import static io.ledgernode.mirror.MirrorTables.TRANSACTIONS;

import io.ledgernode.api.LedgerException;
import io.ledgernode.api.event.LedgerEvent;
import io.ledgernode.api.event.LedgerEvents;
import io.ledgernode.blocks.ParsedBlock;
import io.ledgernode.blocks.ParsedTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * Applies blocks to the mirror, each in one database transaction together with the checkpoint. Applying the same
 * block twice is impossible by construction: the transaction locks the checkpoint row and goes on only if it names
 * exactly this block, and the block number is the blocks table's primary key.
 */
public final class BlockApplier {

    /** What applying a block did. */
    public enum Outcome {
        /** The block's rows and the advanced checkpoint are committed. */
        APPLIED,
        /** The mirror already has this block (a redelivery after a reconnect): nothing written. */
        ALREADY_APPLIED
    }

    /** A committed block: its number and how many rows it wrote. */
    public record Applied(Outcome outcome, long blockNumber, int rows, Instant mirroredAt) {
    }

    private final DataSource dataSource;
    private final String chaincode;

    /** Applies events of {@code chaincode} only; other chaincodes' transactions are recorded, not interpreted. */
    public BlockApplier(DataSource dataSource, String chaincode) {
        this.dataSource = dataSource;
        this.chaincode = chaincode;
    }

    public Applied apply(ParsedBlock block, Instant observedAt) throws SQLException, MirrorFault {
        try (Connection connection = dataSource.getConnection()) {
            try {
                Applied applied = applyIn(connection, block, observedAt);
                connection.commit();
                return applied;
            } catch (SQLException | MirrorFault | RuntimeException e) {
                rollbackKeeping(connection, e);
                throw e;
            }
        }
    }

    /**
     * Rolls back, keeping the failure that made it necessary: when the database went away, the rollback fails too
     * ("Connection is closed", with no SQLSTATE), and must not hide the connection failure that decides a retry.
     */
    private static void rollbackKeeping(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailed) {
            cause.addSuppressed(rollbackFailed);
        }
    }

    private Applied applyIn(Connection connection, ParsedBlock block, Instant observedAt) throws SQLException, MirrorFault {
        long number = block.number();
        OptionalLong next = Checkpoints.lockNext(connection);
        if (next.isEmpty()) {
            throw new SQLException("no checkpoint row: the bridge must read its checkpoint before applying blocks");
        }
        if (Long.compareUnsigned(number, next.getAsLong()) < 0) {
            return new Applied(Outcome.ALREADY_APPLIED, number, 0, Instant.now());
        }
        if (number != next.getAsLong()) {
            throw new MirrorFault(MirrorFault.Kind.BLOCK_OUT_OF_ORDER, number,
                    "the mirror expects block " + Long.toUnsignedString(next.getAsLong()) + " next", null);
        }
        requireChained(connection, block);
        Instant mirroredAt = Instant.now();
        insertBlock(connection, block, observedAt, mirroredAt);
        int rows = 1 + insertTransactions(connection, block);
        EventApplier events = new EventApplier(connection);
        for (ParsedTransaction tx : block.transactions()) {
            if (tx.valid() && tx.event() != null && chaincode.equals(tx.event().chaincode())) {
                LedgerEvent event = event(block, tx);
                try {
                    events.apply(new EventApplier.Position(number, tx.index(), tx.txId(), tx.timestamp()), event);
                } catch (EventApplier.MirrorMismatchException e) {
                    throw new MirrorFault(MirrorFault.Kind.UNKNOWN_EVENT, number, "tx " + tx.txId() + ": " + e.getMessage(), e);
                } catch (SQLException e) {
                    // SQLSTATE class 23: a key, reference or check the event's effects break; the chain and the
                    // mirror disagree, which no retry mends.
                    if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                        throw new MirrorFault(MirrorFault.Kind.UNKNOWN_EVENT, number, "tx " + tx.txId()
                                + " does not fit the mirror: " + e.getMessage().lines().findFirst().orElse(""), e);
                    }
                    throw e;
                }
                rows += 1 + event.entries().size();
            }
        }
        Checkpoints.advance(connection, number, number + 1);
        return new Applied(Outcome.APPLIED, number, rows, mirroredAt);
    }

    private static LedgerEvent event(ParsedBlock block, ParsedTransaction tx) throws MirrorFault {
        try {
            LedgerEvent event = LedgerEvents.parse(tx.event().name(), tx.event().payload());
            if (!event.txId().equals(tx.txId())) {
                throw new MirrorFault(MirrorFault.Kind.UNKNOWN_EVENT, block.number(),
                        "event of tx " + tx.txId() + " names tx " + event.txId(), null);
            }
            return event;
        } catch (LedgerException e) {
            throw new MirrorFault(MirrorFault.Kind.UNKNOWN_EVENT, block.number(),
                    "tx " + tx.txId() + " carries event " + tx.event().name() + " that the bridge cannot read: " + e.getMessage(), e);
        }
    }

    private static void requireChained(Connection connection, ParsedBlock block) throws SQLException, MirrorFault {
        if (block.number() == 0) {
            return;
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT header_hash FROM " + BLOCKS + " WHERE number = ?")) {
            select.setLong(1, block.number() - 1);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new MirrorFault(MirrorFault.Kind.BLOCK_OUT_OF_ORDER, block.number(), "the mirror lacks the block before it", null);
                }
                byte[] stored = rs.getBytes(1);
                if (!Arrays.equals(stored, block.previousHash())) {
                    throw new MirrorFault(MirrorFault.Kind.HASH_CHAIN_BROKEN, block.number(), "previous hash "
                            + HexFormat.of().formatHex(block.previousHash()) + " is not the stored hash "
                            + HexFormat.of().formatHex(stored) + " of block " + (block.number() - 1), null);
                }
            }
        }
    }

    private static void insertBlock(Connection connection, ParsedBlock block, Instant observedAt, Instant mirroredAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + BLOCKS + " (number, header_hash, "
                + "previous_hash, data_hash, tx_count, observed_at, mirrored_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, block.number());
            insert.setBytes(2, block.headerHash());
            insert.setBytes(3, block.previousHash());
            insert.setBytes(4, block.dataHash());
            insert.setInt(5, block.transactions().size());
            insert.setTimestamp(6, Timestamp.from(observedAt));
            insert.setTimestamp(7, Timestamp.from(mirroredAt));
            insert.executeUpdate();
        }
    }

    private static int insertTransactions(Connection connection, ParsedBlock block) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TRANSACTIONS + " (block_number, tx_index, "
                + "tx_id, header_type, validation_code, creator_msp, chaincode, function, tx_timestamp, event_name) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ParsedTransaction tx : block.transactions()) {
                insert.setLong(1, block.number());
                insert.setInt(2, tx.index());
                // Config transactions made by the orderer carry no transaction id.
                insert.setString(3, tx.txId() == null ? "" : tx.txId());
                insert.setString(4, tx.headerType());
                insert.setString(5, tx.validationCode());
                insert.setString(6, tx.creatorMsp());
                insert.setString(7, tx.chaincode());
                insert.setString(8, tx.function());
                insert.setTimestamp(9, Timestamp.from(tx.timestamp()));
                insert.setString(10, tx.event() == null ? null : tx.event().name());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return block.transactions().size();
    }

    /** Records why the bridge stopped, in a transaction of its own (the block's was rolled back). */
    public void recordFault(MirrorFault fault) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO " + ERRORS + " (block_number, kind, message) VALUES (?, ?, ?)")) {
            insert.setLong(1, fault.blockNumber());
            insert.setString(2, fault.kind().name());
            insert.setString(3, fault.getMessage());
            insert.executeUpdate();
            connection.commit();
        } catch (SQLException e) {
            System.err.println("sync-bridge: could not record the fault in bridge.errors: " + e.getMessage());
        }
    }
}
