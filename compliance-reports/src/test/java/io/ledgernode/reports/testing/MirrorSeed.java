package io.ledgernode.reports.testing;

import io.ledgernode.api.money.EntryKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Seeds the mirror with plain SQL INSERTs, as the bridge would have written it: blocks, transactions, entries,
 * accounts, holds, assets and the checkpoint. It keeps the current balances as the entries move them and writes
 * them at the end, so {@code mirror.accounts} holds the state after the last block, as in a live mirror.
 */
public final class MirrorSeed {

    /** One entry of a transaction. */
    public record E(String account, EntryKind kind, long amount, String holdId) {
    }

    /** One transaction: VALID ones carry entries, invalid ones none. */
    public record Tx(String label, String validationCode, Instant time, List<E> entries) {
    }

    private final DataSource admin;
    private final Map<String, String> assetOf = new HashMap<>();
    private final Map<String, long[]> current = new HashMap<>();
    private final Map<String, Long> supply = new HashMap<>();
    private long lastBlock = -1;

    public MirrorSeed(DataSource admin) {
        this.admin = admin;
    }

    public static E e(String account, EntryKind kind, long amount) {
        return new E(account, kind, amount, null);
    }

    public static E e(String account, EntryKind kind, long amount, String holdId) {
        return new E(account, kind, amount, holdId);
    }

    public static Tx valid(String label, Instant time, E... entries) {
        return new Tx(label, "VALID", time, List.of(entries));
    }

    public static Tx invalid(String label, String code, Instant time) {
        return new Tx(label, code, time, List.of());
    }

    /** A Fabric-looking transaction id (64 hex digits) for a readable label. */
    public static String txId(String label) {
        return HexFormat.of().formatHex(sha256(label));
    }

    /** The header hash the seed gives block {@code number}. */
    public static String blockHashHex(long number) {
        return HexFormat.of().formatHex(sha256("block-" + number));
    }

    public MirrorSeed asset(String code, int decimals, long block) throws SQLException {
        execute("INSERT INTO mirror.assets (code, decimals, supply, block_number, tx_id) VALUES (?, ?, 0, ?, ?)",
                code, decimals, block, txId("asset-" + code));
        supply.put(code, 0L);
        return this;
    }

    public MirrorSeed account(String id, String asset, String ownerRef, String jurisdiction, long openedBlock)
            throws SQLException {
        execute("INSERT INTO mirror.accounts (id, asset, custodian_msp, owner_ref, jurisdiction, status, "
                + "opened_block, updated_block) VALUES (?, ?, 'Org1MSP', ?, ?, 'ACTIVE', ?, ?)",
                id, asset, ownerRef, jurisdiction, openedBlock, openedBlock);
        assetOf.put(id, asset);
        current.put(id, new long[2]);
        return this;
    }

    /** A block and its transactions; the bridge's observed/mirrored times are deliberately unrelated wall clock. */
    public MirrorSeed block(long number, Instant time, Tx... txs) throws SQLException {
        Timestamp bridgeClock = Timestamp.from(Instant.now());
        execute("INSERT INTO mirror.blocks (number, header_hash, previous_hash, data_hash, tx_count, observed_at, "
                + "mirrored_at) VALUES (?, ?, ?, ?, ?, ?, ?)", number, sha256("block-" + number),
                number == 0 ? new byte[32] : sha256("block-" + (number - 1)), sha256("data-" + number), txs.length,
                bridgeClock, bridgeClock);
        for (int i = 0; i < txs.length; i++) {
            transaction(number, i, txs[i]);
        }
        lastBlock = number;
        return this;
    }

    public MirrorSeed hold(String id, String account, long amount, String status, String placedTx, long placedBlock,
            String closedTx, Long closedBlock) throws SQLException {
        execute("INSERT INTO mirror.holds (id, account_id, asset, amount, payee, expires_at, status, placed_tx_id, "
                + "placed_block, closed_tx_id, closed_block) VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)", id,
                account, assetOf.get(account), amount, Timestamp.from(Instant.parse("2026-12-31T00:00:00Z")), status,
                txId(placedTx), placedBlock, closedTx == null ? null : txId(closedTx), closedBlock);
        return this;
    }

    /** Writes the current balances, held amounts and supplies, and the checkpoint after the last block. */
    public void finish() throws SQLException {
        for (Map.Entry<String, long[]> account : current.entrySet()) {
            execute("UPDATE mirror.accounts SET balance = ?, held = ?, updated_block = ? WHERE id = ?",
                    account.getValue()[0], account.getValue()[1], lastBlock, account.getKey());
        }
        for (Map.Entry<String, Long> asset : supply.entrySet()) {
            execute("UPDATE mirror.assets SET supply = ? WHERE code = ?", asset.getValue(), asset.getKey());
        }
        execute("INSERT INTO bridge.checkpoint (id, channel, next_block, updated_at) VALUES (1, 'ledger', ?, now())",
                lastBlock + 1);
    }

    /** Runs any statement as the superuser (to change the mirror under a published report, in tests). */
    public void sql(String statement) throws SQLException {
        try (Connection connection = admin.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    private void transaction(long block, int index, Tx tx) throws SQLException {
        execute("INSERT INTO mirror.transactions (block_number, tx_index, tx_id, header_type, validation_code, "
                + "creator_msp, chaincode, function, tx_timestamp, event_name) VALUES (?, ?, ?, 'ENDORSER_TRANSACTION', "
                + "?, 'Org1MSP', 'ledger', 'Money:transfer', ?, NULL)", block, index, txId(tx.label()),
                tx.validationCode(), Timestamp.from(tx.time()));
        for (int i = 0; i < tx.entries().size(); i++) {
            E entry = tx.entries().get(i);
            String asset = assetOf.get(entry.account());
            execute("INSERT INTO mirror.entries (block_number, tx_index, entry_index, tx_id, account_id, asset, kind, "
                    + "amount, hold_id, tx_timestamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", block, index, i,
                    txId(tx.label()), entry.account(), asset, entry.kind().name(), entry.amount(), entry.holdId(),
                    Timestamp.from(tx.time()));
            long[] state = current.get(entry.account());
            state[0] += entry.kind().balanceSign() * entry.amount();
            state[1] += entry.kind().heldSign() * entry.amount();
            supply.merge(asset, entry.kind().supplySign() * entry.amount(), Long::sum);
        }
    }

    private void execute(String statement, Object... parameters) throws SQLException {
        try (Connection connection = admin.getConnection();
             PreparedStatement sql = connection.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                sql.setObject(i + 1, parameters[i]);
            }
            sql.executeUpdate();
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
