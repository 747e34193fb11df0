package io.ledgernode.mirror.testing;

import static io.ledgernode.mirror.MirrorTables.ACCOUNTS;
import static io.ledgernode.mirror.MirrorTables.ASSETS;
import static io.ledgernode.mirror.MirrorTables.BLOCKS;
import static io.ledgernode.mirror.MirrorTables.CHECKPOINT;
import static io.ledgernode.mirror.MirrorTables.ENTRIES;
import static io.ledgernode.mirror.MirrorTables.HOLDS;
import static io.ledgernode.mirror.MirrorTables.TRANSACTIONS;

import io.ledgernode.api.hold.HoldStatus;
import io.ledgernode.mirror.Account;
import io.ledgernode.mirror.Asset;
import io.ledgernode.mirror.Block;
import io.ledgernode.mirror.Entry;
import io.ledgernode.mirror.Hold;
import io.ledgernode.mirror.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * Writes the mirror's typed rows as the bridge would, for tests: each record into its table, column for column, so
 * what {@link io.ledgernode.mirror.MirrorView} reads back is what was written. Over a data source each statement
 * commits on its own; over a connection the caller decides (to write a block and its checkpoint in one transaction,
 * as the bridge does).
 */
public final class MirrorSeeder {

    @FunctionalInterface
    private interface Statements {
        int run(String sql, Object... parameters) throws SQLException;
    }

    private final Statements statements;

    /** Each statement on its own autocommit connection of {@code admin}. */
    public MirrorSeeder(DataSource admin) {
        this.statements = (sql, parameters) -> {
            try (Connection connection = admin.getConnection()) {
                return run(connection, sql, parameters);
            }
        };
    }

    private MirrorSeeder(Connection connection) {
        this.statements = (sql, parameters) -> run(connection, sql, parameters);
    }

    /** Statements on {@code connection}, in whatever transaction it is in; the caller commits and closes it. */
    public static MirrorSeeder on(Connection connection) {
        return new MirrorSeeder(connection);
    }

    public MirrorSeeder block(Block block) throws SQLException {
        statements.run("INSERT INTO " + BLOCKS + " (number, header_hash, previous_hash, data_hash, tx_count, observed_at, "
                + "mirrored_at) VALUES (?, ?, ?, ?, ?, ?, ?)", block.number(), block.headerHash(), block.previousHash(),
                block.dataHash(), block.txCount(), time(block.observedAt()), time(block.mirroredAt()));
        return this;
    }

    public MirrorSeeder transaction(Transaction tx) throws SQLException {
        statements.run("INSERT INTO " + TRANSACTIONS + " (block_number, tx_index, tx_id, header_type, validation_code, "
                + "creator_msp, chaincode, function, tx_timestamp, event_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                tx.blockNumber(), tx.txIndex(), tx.txId(), tx.headerType(), tx.validationCode(), tx.creatorMsp(),
                tx.chaincode(), tx.function(), time(tx.txTimestamp()), tx.eventName());
        return this;
    }

    public MirrorSeeder entry(Entry entry) throws SQLException {
        statements.run("INSERT INTO " + ENTRIES + " (block_number, tx_index, entry_index, tx_id, account_id, asset, kind, "
                + "amount, hold_id, tx_timestamp, counterparty, reference) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                entry.blockNumber(), entry.txIndex(), entry.entryIndex(), entry.txId(), entry.accountId(), entry.asset(),
                entry.kind().name(), entry.amount(), entry.holdId(), time(entry.txTimestamp()), entry.counterparty(), entry.reference());
        return this;
    }

    public MirrorSeeder account(Account account) throws SQLException {
        statements.run("INSERT INTO " + ACCOUNTS + " (id, asset, custodian_msp, owner_ref, jurisdiction, status, per_transfer_max, "
                + "daily_debit_max, balance, held, opened_block, updated_block) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                account.id(), account.asset(), account.custodianMsp(), account.ownerRef(), account.jurisdiction(),
                account.status().name(), orNull(account.perTransferMax()), orNull(account.dailyDebitMax()), account.balance(),
                account.held(), account.openedBlock(), account.updatedBlock());
        return this;
    }

    public MirrorSeeder hold(Hold hold) throws SQLException {
        statements.run("INSERT INTO " + HOLDS + " (id, account_id, asset, amount, payee, expires_at, status, placed_tx_id, "
                + "placed_block, closed_tx_id, closed_block) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", hold.id(),
                hold.accountId(), hold.asset(), hold.amount(), hold.payee(), time(hold.expiresAt()), hold.status().name(),
                hold.placedTxId(), hold.placedBlock(), hold.closedTxId(), orNull(hold.closedBlock()));
        return this;
    }

    public MirrorSeeder asset(Asset asset) throws SQLException {
        statements.run("INSERT INTO " + ASSETS + " (code, decimals, supply, block_number, tx_id) VALUES (?, ?, ?, ?, ?)",
                asset.code(), asset.decimals(), asset.supply(), asset.blockNumber(), asset.txId());
        return this;
    }

    /** Moves an account's balance and held amount by the deltas, as of {@code block}. */
    public MirrorSeeder moveAccount(String id, long balanceDelta, long heldDelta, long block) throws SQLException {
        statements.run("UPDATE " + ACCOUNTS + " SET balance = balance + ?, held = held + ?, updated_block = ? WHERE id = ?",
                balanceDelta, heldDelta, block, id);
        return this;
    }

    /** Moves an asset's supply by {@code delta}. */
    public MirrorSeeder moveSupply(String code, long delta) throws SQLException {
        statements.run("UPDATE " + ASSETS + " SET supply = supply + ? WHERE code = ?", delta, code);
        return this;
    }

    /** Closes an open hold. */
    public MirrorSeeder closeHold(String id, HoldStatus status, String txId, long block) throws SQLException {
        statements.run("UPDATE " + HOLDS + " SET status = ?, closed_tx_id = ?, closed_block = ? WHERE id = ? AND status = 'OPEN'",
                status.name(), txId, block, id);
        return this;
    }

    /** Sets the checkpoint (the next block the bridge expects), creating its row the first time. */
    public MirrorSeeder checkpoint(long nextBlock) throws SQLException {
        statements.run("INSERT INTO " + CHECKPOINT + " (id, channel, next_block, updated_at) VALUES (1, 'ledger', ?, now()) "
                + "ON CONFLICT (id) DO UPDATE SET next_block = EXCLUDED.next_block, updated_at = now()", nextBlock);
        return this;
    }

    /** Moves the checkpoint past {@code block}, which must be the next block it expects (blocks are contiguous). */
    public MirrorSeeder advanceCheckpoint(long block) throws SQLException {
        int moved = statements.run("UPDATE " + CHECKPOINT + " SET next_block = ?, updated_at = now() WHERE id = 1 AND next_block = ?",
                block + 1, block);
        if (moved != 1) {
            throw new SQLException("the mirror is not at block " + block);
        }
        return this;
    }

    /** Any statement of the test's own (to tamper with the mirror under a reader). */
    public MirrorSeeder execute(String sql, Object... parameters) throws SQLException {
        statements.run(sql, parameters);
        return this;
    }

    private static int run(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Long orNull(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }
}
