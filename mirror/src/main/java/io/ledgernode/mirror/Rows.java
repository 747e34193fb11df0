package io.ledgernode.mirror;

import io.ledgernode.api.account.AccountStatus;
import io.ledgernode.api.hold.HoldStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.OptionalLong;

/** The column lists of the typed rows and their mapping from a result set, one place per record. */
final class Rows {

    static final String BLOCK = "number, header_hash, previous_hash, data_hash, tx_count, observed_at, mirrored_at";
    static final String TRANSACTION = "block_number, tx_index, tx_id, header_type, validation_code, creator_msp, chaincode, "
            + "function, tx_timestamp, event_name";
    /** Qualified with {@code e.}: entries are read joined to their transaction or account. */
    static final String ENTRY = "e.block_number, e.tx_index, e.entry_index, e.tx_id, e.account_id, e.asset, e.kind, e.amount, "
            + "e.hold_id, e.tx_timestamp, e.counterparty, e.reference";
    /** How many columns {@link #ENTRY} names: a query's own columns after it start at the next. */
    static final int ENTRY_COLUMNS = 12;
    static final String ACCOUNT = "id, asset, custodian_msp, owner_ref, jurisdiction, status, per_transfer_max, daily_debit_max, "
            + "balance, held, opened_block, updated_block";
    static final String HOLD = "id, account_id, asset, amount, payee, expires_at, status, placed_tx_id, placed_block, "
            + "closed_tx_id, closed_block";
    static final String ASSET = "code, decimals, supply, block_number, tx_id";
    static final String CHECKPOINT = "channel, next_block, updated_at";

    private Rows() {
    }

    static Block block(ResultSet rs) throws SQLException {
        return new Block(rs.getLong(1), rs.getBytes(2), rs.getBytes(3), rs.getBytes(4), rs.getInt(5), instant(rs, 6),
                instant(rs, 7));
    }

    static Transaction transaction(ResultSet rs) throws SQLException {
        return new Transaction(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), instant(rs, 9), rs.getString(10));
    }

    /** An entry from the ten columns of {@link #ENTRY}, starting at column 1. */
    static Entry entry(ResultSet rs) throws SQLException {
        return new Entry(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getString(6),
                EntrySql.kind(rs.getString(7)), rs.getLong(8), rs.getString(9), instant(rs, 10), rs.getString(11), rs.getString(12));
    }

    static Account account(ResultSet rs) throws SQLException {
        return account(rs, 1);
    }

    /** An account from the twelve columns of {@link #ACCOUNT}, starting at column {@code first}. */
    static Account account(ResultSet rs, int first) throws SQLException {
        int c = first - 1;
        return new Account(rs.getString(c + 1), rs.getString(c + 2), rs.getString(c + 3), rs.getString(c + 4),
                rs.getString(c + 5), AccountStatus.valueOf(rs.getString(c + 6)), optionalLong(rs, c + 7), optionalLong(rs, c + 8),
                rs.getLong(c + 9), rs.getLong(c + 10), rs.getLong(c + 11), rs.getLong(c + 12));
    }

    static Hold hold(ResultSet rs) throws SQLException {
        return hold(rs, 1);
    }

    /** A hold from the eleven columns of {@link #HOLD}, starting at column {@code first}. */
    static Hold hold(ResultSet rs, int first) throws SQLException {
        int c = first - 1;
        return new Hold(rs.getString(c + 1), rs.getString(c + 2), rs.getString(c + 3), rs.getLong(c + 4), rs.getString(c + 5),
                instant(rs, c + 6), HoldStatus.valueOf(rs.getString(c + 7)), rs.getString(c + 8), rs.getLong(c + 9),
                rs.getString(c + 10), optionalLong(rs, c + 11));
    }

    /** {@code columns} (a list of {@link Rows}) each qualified with {@code alias}, for a query that joins tables. */
    static String qualified(String alias, String columns) {
        return alias + "." + columns.replace(", ", ", " + alias + ".");
    }

    static Asset asset(ResultSet rs) throws SQLException {
        return new Asset(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getLong(4), rs.getString(5));
    }

    static Checkpoint checkpoint(ResultSet rs) throws SQLException {
        return new Checkpoint(rs.getString(1), rs.getLong(2), instant(rs, 3));
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OptionalLong optionalLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
    }
}
