package io.ledgernode.bridge.mirror;

import static io.ledgernode.mirror.MirrorTables.ACCOUNTS;
import static io.ledgernode.mirror.MirrorTables.ASSETS;
import static io.ledgernode.mirror.MirrorTables.ENTRIES;
import static io.ledgernode.mirror.MirrorTables.HOLDS;

import io.ledgernode.api.account.Account;
import io.ledgernode.api.account.Limits;
import io.ledgernode.api.event.AccountEvent;
import io.ledgernode.api.event.AccountsOpenedEvent;
import io.ledgernode.api.event.AssetRegisteredEvent;
import io.ledgernode.api.event.HoldEvent;
import io.ledgernode.api.event.LedgerEvent;
import io.ledgernode.api.hold.Hold;
import io.ledgernode.api.money.Entry;
import io.ledgernode.api.money.EntryKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

/**
 * Applies one valid transaction's chaincode event to the mirror: the records it creates or changes (assets,
 * accounts, holds) and its balance effects (entries, balances, held amounts, supply). Runs inside the block's
 * transaction; any row that does not fit (an unknown account, a balance going negative) fails it.
 */
final class EventApplier {

    private final Connection connection;

    EventApplier(Connection connection) {
        this.connection = connection;
    }

    /** Where the event sits on the chain. */
    record Position(long blockNumber, int txIndex, String txId, Instant timestamp) {
    }

    void apply(Position at, LedgerEvent event) throws SQLException {
        switch (event.type()) {
            case CONFIGURED, MINTED, BURNED, TRANSFERRED, TRANSFERS_PACKED, CREDITS_CONSOLIDATED -> {
                // Configuration is not mirrored; money events are their entries alone; a consolidation moves no
                // money (the credits it folds were in the balance already), so the mirror's balances stay as they are.
            }
            case ASSET_REGISTERED -> insertAsset(at, (AssetRegisteredEvent) event);
            case ACCOUNTS_OPENED -> insertAccounts(at, (AccountsOpenedEvent) event);
            case HOLD_PLACED -> insertHold(at, ((HoldEvent) event).hold());
            case HOLD_CAPTURED, HOLD_VOIDED, HOLD_RELEASED -> closeHold(at, ((HoldEvent) event).hold());
            case ACCOUNT_FROZEN, ACCOUNT_UNFROZEN, LIMITS_SET -> updateAccount(at, ((AccountEvent) event).account());
        }
        applyEntries(at, event);
    }

    private void insertAsset(Position at, AssetRegisteredEvent event) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + ASSETS + " (code, decimals, supply, block_number, tx_id) VALUES (?, ?, 0, ?, ?)")) {
            insert.setString(1, event.asset().code());
            insert.setInt(2, event.asset().decimals());
            insert.setLong(3, at.blockNumber());
            insert.setString(4, at.txId());
            insert.executeUpdate();
        }
    }

    private void insertAccounts(Position at, AccountsOpenedEvent event) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + ACCOUNTS + " (id, asset, custodian_msp, "
                + "owner_ref, jurisdiction, status, per_transfer_max, daily_debit_max, opened_block, updated_block) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Account account : event.accounts()) {
                insert.setString(1, account.id());
                insert.setString(2, account.asset());
                insert.setString(3, account.custodianMsp());
                insert.setString(4, account.ownerRef());
                insert.setString(5, account.jurisdiction());
                insert.setString(6, account.status().name());
                setLimits(insert, 7, account.limits());
                insert.setLong(9, at.blockNumber());
                insert.setLong(10, at.blockNumber());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void updateAccount(Position at, Account account) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + ACCOUNTS + " SET status = ?, "
                + "per_transfer_max = ?, daily_debit_max = ?, updated_block = ? WHERE id = ?")) {
            update.setString(1, account.status().name());
            setLimits(update, 2, account.limits());
            update.setLong(4, at.blockNumber());
            update.setString(5, account.id());
            requireOneRow(update.executeUpdate(), "account " + account.id());
        }
    }

    private void insertHold(Position at, Hold hold) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + HOLDS + " (id, account_id, asset, amount, "
                + "payee, expires_at, status, placed_tx_id, placed_block) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, hold.id());
            insert.setString(2, hold.account());
            insert.setString(3, hold.asset());
            insert.setLong(4, hold.amount().minorUnits());
            insert.setString(5, hold.payee());
            insert.setTimestamp(6, Timestamp.from(Instant.parse(hold.expiresAt())));
            insert.setString(7, hold.status().name());
            insert.setString(8, at.txId());
            insert.setLong(9, at.blockNumber());
            insert.executeUpdate();
        }
    }

    private void closeHold(Position at, Hold hold) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE " + HOLDS + " SET status = ?, closed_tx_id = ?, closed_block = ? WHERE id = ? AND status = 'OPEN'")) {
            update.setString(1, hold.status().name());
            update.setString(2, at.txId());
            update.setLong(3, at.blockNumber());
            update.setString(4, hold.id());
            requireOneRow(update.executeUpdate(), "open hold " + hold.id());
        }
    }

    private void applyEntries(Position at, LedgerEvent event) throws SQLException {
        if (event.entries().isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + ENTRIES + " (block_number, tx_index, "
                + "entry_index, tx_id, account_id, asset, kind, amount, hold_id, tx_timestamp, counterparty, reference) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement balance = connection.prepareStatement(
                     "UPDATE " + ACCOUNTS + " SET balance = balance + ?, held = held + ?, updated_block = ? WHERE id = ? AND asset = ?");
             PreparedStatement supply = connection.prepareStatement("UPDATE " + ASSETS + " SET supply = supply + ? WHERE code = ?")) {
            List<EntryParties.Party> parties = EntryParties.of(event);
            int index = 0;
            for (Entry entry : event.entries()) {
                EntryParties.Party party = parties.get(index);
                long amount = entry.amount().minorUnits();
                insert.setLong(1, at.blockNumber());
                insert.setInt(2, at.txIndex());
                insert.setInt(3, index++);
                insert.setString(4, at.txId());
                insert.setString(5, entry.account());
                insert.setString(6, entry.asset());
                insert.setString(7, entry.kind().name());
                insert.setLong(8, amount);
                insert.setString(9, entry.holdId());
                insert.setTimestamp(10, Timestamp.from(at.timestamp()));
                insert.setString(11, party.counterparty());
                insert.setString(12, party.reference());
                insert.executeUpdate();
                EntryKind kind = entry.kind();
                balance.setLong(1, kind.balanceDelta(amount));
                balance.setLong(2, kind.heldDelta(amount));
                balance.setLong(3, at.blockNumber());
                balance.setString(4, entry.account());
                balance.setString(5, entry.asset());
                requireOneRow(balance.executeUpdate(), "account " + entry.account() + " of asset " + entry.asset());
                if (kind.supplySign() != 0) {
                    supply.setLong(1, kind.supplyDelta(amount));
                    supply.setString(2, entry.asset());
                    requireOneRow(supply.executeUpdate(), "asset " + entry.asset());
                }
            }
        }
    }

    private static void setLimits(PreparedStatement statement, int first, Limits limits) throws SQLException {
        setAmount(statement, first, limits == null || limits.perTransferMax() == null ? null : limits.perTransferMax().minorUnits());
        setAmount(statement, first + 1, limits == null || limits.dailyDebitMax() == null ? null : limits.dailyDebitMax().minorUnits());
    }

    private static void setAmount(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    private static void requireOneRow(int rows, String what) throws SQLException {
        if (rows != 1) {
            throw new MirrorMismatchException(what + " is not in the mirror as the event requires");
        }
    }

    /** The event asks for a row the mirror does not have: the mirror and the chain disagree. */
    static final class MirrorMismatchException extends SQLException {
        MirrorMismatchException(String message) {
            super(message);
        }
    }
}
