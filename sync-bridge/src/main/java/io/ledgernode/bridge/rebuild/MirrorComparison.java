package io.ledgernode.bridge.rebuild;

import static io.ledgernode.mirror.MirrorTables.ACCOUNTS;
import static io.ledgernode.mirror.MirrorTables.ASSETS;
import static io.ledgernode.mirror.MirrorTables.BLOCKS;
import static io.ledgernode.mirror.MirrorTables.ENTRIES;
import static io.ledgernode.mirror.MirrorTables.HOLDS;
import static io.ledgernode.mirror.MirrorTables.TRANSACTIONS;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Compares two mirrors below a block height, one table at a time, by streaming each table in key order into a
 * SHA-256 digest (bounded memory, whatever the size). History tables are compared below the height; the state tables
 * (accounts, holds, assets) only when both mirrors stand exactly at that height, since they hold the latest state.
 */
public final class MirrorComparison {

    /** One table's verdict. */
    public record TableResult(String table, long rowsLeft, long rowsRight, boolean identical) {
    }

    private static final List<String[]> HISTORY = List.of(
            new String[] {"blocks", "SELECT number, header_hash, previous_hash, data_hash, tx_count FROM " + BLOCKS + " WHERE number < ? ORDER BY number"},
            new String[] {"transactions", "SELECT block_number, tx_index, tx_id, header_type, validation_code, creator_msp, chaincode, function, "
                    + "tx_timestamp, event_name FROM " + TRANSACTIONS + " WHERE block_number < ? ORDER BY block_number, tx_index"},
            new String[] {"entries", "SELECT block_number, tx_index, entry_index, tx_id, account_id, asset, kind, amount, hold_id, "
                    + "counterparty, reference "
                    + "FROM " + ENTRIES + " WHERE block_number < ? ORDER BY block_number, tx_index, entry_index"});
    private static final List<String[]> STATE = List.of(
            new String[] {"assets", "SELECT code, decimals, supply, block_number, tx_id FROM " + ASSETS + " WHERE ? >= 0 ORDER BY code"},
            new String[] {"accounts", "SELECT id, asset, custodian_msp, owner_ref, jurisdiction, status, per_transfer_max, daily_debit_max, "
                    + "balance, held, opened_block, updated_block FROM " + ACCOUNTS + " WHERE ? >= 0 ORDER BY id"},
            new String[] {"holds", "SELECT id, account_id, asset, amount, payee, expires_at, status, placed_tx_id, placed_block, "
                    + "closed_tx_id, closed_block FROM " + HOLDS + " WHERE ? >= 0 ORDER BY id"});

    private MirrorComparison() {
    }

    /** Compares history below {@code height}, and state too when {@code withState}. */
    public static List<TableResult> compare(Connection left, Connection right, long height, boolean withState) throws SQLException {
        List<TableResult> results = new ArrayList<>();
        List<String[]> tables = new ArrayList<>(HISTORY);
        if (withState) {
            tables.addAll(STATE);
        }
        for (String[] table : tables) {
            Digest a = digest(left, table[1], height);
            Digest b = digest(right, table[1], height);
            results.add(new TableResult(table[0], a.rows(), b.rows(), a.rows() == b.rows() && a.hex().equals(b.hex())));
        }
        return results;
    }

    private record Digest(long rows, String hex) {
    }

    private static Digest digest(Connection connection, String query, long height) throws SQLException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long rows = 0;
        try (PreparedStatement select = connection.prepareStatement(query)) {
            select.setFetchSize(1_000);
            select.setLong(1, height);
            try (ResultSet rs = select.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    rows++;
                    for (int c = 1; c <= columns; c++) {
                        String value = rs.getString(c);
                        // Length-prefixed, so no two different rows feed the digest the same bytes.
                        byte[] bytes = value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
                        sha.update((value == null ? "N" : bytes.length + ":").getBytes(StandardCharsets.UTF_8));
                        sha.update(bytes);
                    }
                }
            }
        }
        return new Digest(rows, HexFormat.of().formatHex(sha.digest()));
    }
}
