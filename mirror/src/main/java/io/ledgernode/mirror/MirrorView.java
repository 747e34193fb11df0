package io.ledgernode.mirror;

import static io.ledgernode.mirror.MirrorTables.ACCOUNTS;
import static io.ledgernode.mirror.MirrorTables.ASSETS;
import static io.ledgernode.mirror.MirrorTables.BLOCKS;
import static io.ledgernode.mirror.MirrorTables.CHECKPOINT;
import static io.ledgernode.mirror.MirrorTables.ENTRIES;
import static io.ledgernode.mirror.MirrorTables.HOLDS;
import static io.ledgernode.mirror.MirrorTables.TRANSACTIONS;

import io.ledgernode.api.governance.LedgerConfig;
import io.ledgernode.api.hold.HoldStatus;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * One snapshot of the mirror: a read-only transaction at REPEATABLE READ on one connection, so every query on it, and
 * the height read with them, see the same blocks while the bridge goes on writing. Every query is bounded: by a
 * primary key, or by the {@code limit} its caller names (a positive number). Readers with queries that are truly
 * their own run them here too, through {@link #prepare}, naming tables by {@link MirrorTables}.
 *
 * <p>Not thread-safe; close it to end the transaction (nothing is ever committed).
 */
public final class MirrorView implements AutoCloseable {

    private static final String ENTRIES_WITH_FUNCTION = "SELECT " + Rows.ENTRY + ", t.function FROM " + ENTRIES + " e JOIN "
            + TRANSACTIONS + " t ON t.block_number = e.block_number AND t.tx_index = e.tx_index WHERE e.account_id = ? ";

    /** {@link Rows#HOLD}, each column of the table aliased {@code h}. */
    private static final String HOLD_OF_H = Rows.HOLD.replaceAll("(^|, )", "$1h.");

    /**
     * The most entries one transaction can have: a batch transfer at the chaincode's highest limit of legs, two entries a
     * leg (a hold capture has three). Reading more for one transaction id means the mirror is damaged.
     */
    public static final int ENTRIES_PER_TRANSACTION_MAX = 2 * LedgerConfig.BATCH_LEGS_MAX_LIMIT;

    private final Connection connection;

    private MirrorView(Connection connection) {
        this.connection = connection;
    }

    /** Opens a snapshot on a connection of {@code dataSource} (the mirror's read-only role). */
    public static MirrorView open(DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            // The isolation of this transaction alone, as its first statement (the driver sends it with its BEGIN READ
            // ONLY), not of the session: setTransactionIsolation is a statement of its own on every read, and a pool
            // that finds the session changed resets it with another when the connection comes back.
            try (Statement repeatableRead = connection.createStatement()) {
                repeatableRead.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            }
            return new MirrorView(connection);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    /** The mirror's height: the next block it expects, 0 before the bridge's first block. */
    public long height() throws SQLException {
        return checkpoint().map(Checkpoint::nextBlock).orElse(0L);
    }

    public Optional<Checkpoint> checkpoint() throws SQLException {
        return one("SELECT " + Rows.CHECKPOINT + " FROM " + CHECKPOINT + " WHERE id = 1", Rows::checkpoint);
    }

    public Optional<Account> account(String id) throws SQLException {
        return one("SELECT " + Rows.ACCOUNT + " FROM " + ACCOUNTS + " WHERE id = ?", Rows::account, id);
    }

    /**
     * The accounts with ids after {@code afterId} ("" for the first page) in id order, only those of
     * {@code jurisdiction} when it is given, at most {@code limit}: a page of the accounts (the primary key orders it).
     */
    public List<Account> accounts(Optional<String> jurisdiction, String afterId, int limit) throws SQLException {
        if (jurisdiction.isPresent()) {
            return list("SELECT " + Rows.ACCOUNT + " FROM " + ACCOUNTS + " WHERE jurisdiction = ? AND id > ? ORDER BY id LIMIT ?",
                    Rows::account, jurisdiction.get(), afterId, limit(limit));
        }
        return list("SELECT " + Rows.ACCOUNT + " FROM " + ACCOUNTS + " WHERE id > ? ORDER BY id LIMIT ?", Rows::account, afterId,
                limit(limit));
    }

    /** The account's open holds in id order, at most {@code limit}. */
    public List<Hold> openHolds(String accountId, int limit) throws SQLException {
        return list("SELECT " + Rows.HOLD + " FROM " + HOLDS + " WHERE account_id = ? AND status = 'OPEN' ORDER BY id LIMIT ?",
                Rows::hold, accountId, limit(limit));
    }

    public Optional<Hold> hold(String id) throws SQLException {
        return one("SELECT " + Rows.HOLD + " FROM " + HOLDS + " WHERE id = ?", Rows::hold, id);
    }

    /**
     * The account's holds with ids after {@code afterId} ("" for the first page) in id order, only those of
     * {@code status} when it is given, at most {@code limit}: a page of its holds.
     */
    public List<Hold> holds(String accountId, Optional<HoldStatus> status, String afterId, int limit) throws SQLException {
        if (status.isPresent()) {
            return list("SELECT " + Rows.HOLD + " FROM " + HOLDS + " WHERE account_id = ? AND status = ? AND id > ? ORDER BY id LIMIT ?",
                    Rows::hold, accountId, status.get().name(), afterId, limit(limit));
        }
        return list("SELECT " + Rows.HOLD + " FROM " + HOLDS + " WHERE account_id = ? AND id > ? ORDER BY id LIMIT ?",
                Rows::hold, accountId, afterId, limit(limit));
    }

    /**
     * Open holds on accounts {@code custodianMsp} keeps that expired at or before {@code now}, the longest expired
     * first, at most {@code limit}.
     */
    public List<Hold> expiredOpenHolds(String custodianMsp, Instant now, int limit) throws SQLException {
        return list("SELECT " + HOLD_OF_H + " FROM " + HOLDS + " h JOIN " + ACCOUNTS
                + " a ON a.id = h.account_id WHERE h.status = 'OPEN' AND h.expires_at <= ? AND a.custodian_msp = ? "
                + "ORDER BY h.expires_at, h.id LIMIT ?",
                Rows::hold, OffsetDateTime.ofInstant(now, ZoneOffset.UTC), custodianMsp, limit(limit));
    }

    /** The account's entries before {@code before}, newest first, at most {@code limit}: a page of its history. */
    public List<AccountEntry> entriesBefore(String accountId, EntryPosition before, int limit) throws SQLException {
        return list(ENTRIES_WITH_FUNCTION + "AND (e.block_number, e.tx_index, e.entry_index) < (?, ?, ?) "
                + "ORDER BY e.block_number DESC, e.tx_index DESC, e.entry_index DESC LIMIT ?", MirrorView::accountEntry,
                accountId, before.blockNumber(), before.txIndex(), before.entryIndex(), limit(limit));
    }

    /**
     * The account's entries in block {@code fromBlock} or later and after {@code after}, oldest first, at most
     * {@code limit}: what a watcher has not seen yet.
     */
    public List<AccountEntry> entriesAfter(String accountId, long fromBlock, EntryPosition after, int limit) throws SQLException {
        return list(ENTRIES_WITH_FUNCTION + "AND e.block_number >= ? AND (e.block_number, e.tx_index, e.entry_index) > (?, ?, ?) "
                + "ORDER BY e.block_number, e.tx_index, e.entry_index LIMIT ?", MirrorView::accountEntry,
                accountId, fromBlock, after.blockNumber(), after.txIndex(), after.entryIndex(), limit(limit));
    }

    /** The records of a transaction id in chain order (more than one when Fabric recorded a re-sent envelope), at most {@code limit}. */
    public List<Transaction> transactions(String txId, int limit) throws SQLException {
        return list("SELECT " + Rows.TRANSACTION + " FROM " + TRANSACTIONS + " WHERE tx_id = ? ORDER BY block_number, tx_index LIMIT ?",
                Rows::transaction, txId, limit(limit));
    }

    /**
     * The record of a transaction id that counts: the last (Fabric records a re-sent envelope again, as
     * {@code DUPLICATE_TXID}, after the first).
     */
    public Optional<Transaction> latestTransaction(String txId) throws SQLException {
        return one("SELECT " + Rows.TRANSACTION + " FROM " + TRANSACTIONS + " WHERE tx_id = ? "
                + "ORDER BY block_number DESC, tx_index DESC LIMIT 1", Rows::transaction, txId);
    }

    /** The valid record of a transaction id, if it has one (the first in chain order). */
    public Optional<Transaction> validTransaction(String txId) throws SQLException {
        return one("SELECT " + Rows.TRANSACTION + " FROM " + TRANSACTIONS + " WHERE tx_id = ? AND validation_code = '"
                + Transaction.VALID + "' ORDER BY block_number, tx_index LIMIT 1", Rows::transaction, txId);
    }

    /**
     * The entries of a transaction id in order, each with its account's jurisdiction; more than
     * {@link #ENTRIES_PER_TRANSACTION_MAX} is a damaged mirror, refused loudly.
     */
    public List<PartyEntry> entriesOf(String txId) throws SQLException {
        List<PartyEntry> entries = list("SELECT " + Rows.ENTRY + ", a.jurisdiction FROM " + ENTRIES + " e JOIN " + ACCOUNTS + " a ON a.id = e.account_id "
                + "WHERE e.tx_id = ? ORDER BY e.block_number, e.tx_index, e.entry_index LIMIT ?",
                rs -> new PartyEntry(Rows.entry(rs), rs.getString(Rows.ENTRY_COLUMNS + 1)), txId, ENTRIES_PER_TRANSACTION_MAX + 1);
        if (entries.size() > ENTRIES_PER_TRANSACTION_MAX) {
            throw new IllegalStateException("transaction " + txId + " has more than " + ENTRIES_PER_TRANSACTION_MAX
                    + " entries in the mirror: more than the chaincode can make");
        }
        return entries;
    }

    public Optional<Block> block(long number) throws SQLException {
        return one("SELECT " + Rows.BLOCK + " FROM " + BLOCKS + " WHERE number = ?", Rows::block, number);
    }

    /** The blocks numbered {@code from .. toExclusive - 1} that the mirror holds, in order, at most {@code limit}. */
    public List<Block> blocks(long from, long toExclusive, int limit) throws SQLException {
        return list("SELECT " + Rows.BLOCK + " FROM " + BLOCKS + " WHERE number >= ? AND number < ? ORDER BY number LIMIT ?",
                Rows::block, from, toExclusive, limit(limit));
    }

    /** The numbers of the blocks at or above {@code from}, in order, at most {@code limit}. */
    public List<Long> blockNumbersFrom(long from, int limit) throws SQLException {
        return list("SELECT number FROM " + BLOCKS + " WHERE number >= ? ORDER BY number LIMIT ?", rs -> rs.getLong(1),
                from, limit(limit));
    }

    /** The transactions of the blocks {@code from .. toExclusive - 1}, in chain order, at most {@code limit}. */
    public List<Transaction> transactionsOfBlocks(long from, long toExclusive, int limit) throws SQLException {
        return list("SELECT " + Rows.TRANSACTION + " FROM " + TRANSACTIONS + " WHERE block_number >= ? AND block_number < ? "
                + "ORDER BY block_number, tx_index LIMIT ?", Rows::transaction, from, toExclusive, limit(limit));
    }

    public Optional<Asset> asset(String code) throws SQLException {
        return one("SELECT " + Rows.ASSET + " FROM " + ASSETS + " WHERE code = ?", Rows::asset, code);
    }

    /** The assets in code order, at most {@code limit}. */
    public List<Asset> assets(int limit) throws SQLException {
        return list("SELECT " + Rows.ASSET + " FROM " + ASSETS + " ORDER BY code LIMIT ?", Rows::asset, limit(limit));
    }

    /** A {@code text[]} parameter, for a statement of the caller's own that reads a page of ids by {@code = ANY(?)}. */
    public Array textArray(Collection<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray(new String[0]));
    }

    /**
     * The account's balance and held amount from its entries timestamped before {@code before}: where a statement of
     * the period from {@code before} opens.
     */
    public Balance balanceBefore(String accountId, Instant before) throws SQLException {
        return one("SELECT coalesce(sum(" + EntrySql.BALANCE_DELTA + "), 0), coalesce(sum(" + EntrySql.HELD_DELTA + "), 0) FROM "
                + ENTRIES + " WHERE account_id = ? AND tx_timestamp < ?",
                rs -> new Balance(rs.getBigDecimal(1).longValueExact(), rs.getBigDecimal(2).longValueExact()),
                accountId, OffsetDateTime.ofInstant(before, ZoneOffset.UTC)).orElse(Balance.ZERO);
    }

    /**
     * Hands the account's entries timestamped in {@code [from, to)} to {@code each}, in chain order, fetching
     * {@value #STREAM_FETCH_SIZE} rows at a time: the one read not bounded by a limit, for statements of any length,
     * which holds one fetch in memory however long the period.
     */
    public void streamEntries(String accountId, Instant from, Instant to, EntryHandler each) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + Rows.ENTRY + " FROM " + ENTRIES + " e "
                + "WHERE e.account_id = ? AND e.tx_timestamp >= ? AND e.tx_timestamp < ? "
                + "ORDER BY e.block_number, e.tx_index, e.entry_index")) {
            select.setFetchSize(STREAM_FETCH_SIZE);
            select.setString(1, accountId);
            select.setObject(2, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
            select.setObject(3, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    each.handle(Rows.entry(rs));
                }
            }
        }
    }

    /**
     * Entries after position {@code after} in chain order, each with its account's
     * jurisdiction, of one of {@code kinds}, only of {@code accounts} when given and only of accounts in
     * {@code jurisdiction} when given, at most {@code limit}: what a webhook subscription has not been sent yet.
     */
    public List<PartyEntry> entriesFor(EntryPosition after, Collection<String> kinds, Optional<Collection<String>> accounts,
            Optional<String> jurisdiction, int limit) throws SQLException {
        List<Object> parameters = new ArrayList<>(List.of(after.blockNumber(), after.txIndex(), after.entryIndex(), textArray(kinds)));
        StringBuilder sql = new StringBuilder("SELECT " + Rows.ENTRY + ", a.jurisdiction FROM " + ENTRIES + " e JOIN " + ACCOUNTS
                + " a ON a.id = e.account_id WHERE (e.block_number, e.tx_index, e.entry_index) > (?, ?, ?) AND e.kind = ANY (?)");
        if (accounts.isPresent()) {
            sql.append(" AND e.account_id = ANY (?)");
            parameters.add(textArray(accounts.get()));
        }
        if (jurisdiction.isPresent()) {
            sql.append(" AND a.jurisdiction = ?");
            parameters.add(jurisdiction.get());
        }
        sql.append(" ORDER BY e.block_number, e.tx_index, e.entry_index LIMIT ?");
        parameters.add(limit(limit));
        return list(sql.toString(), rs -> new PartyEntry(Rows.entry(rs), rs.getString(Rows.ENTRY_COLUMNS + 1)), parameters.toArray());
    }

    /**
     * How many entries of {@code kind} the account has with an amount in {@code [min, maxExclusive)}, timestamped after
     * {@code since}, at or before position {@code upTo}: what a structuring rule counts.
     */
    public long countEntries(String accountId, String kind, long min, long maxExclusive, Instant since, EntryPosition upTo)
            throws SQLException {
        return one("SELECT count(*) FROM " + ENTRIES + " WHERE account_id = ? AND kind = ? AND amount >= ? AND amount < ? "
                + "AND tx_timestamp > ? AND (block_number, tx_index, entry_index) <= (?, ?, ?)", rs -> rs.getLong(1), accountId, kind, min,
                maxExclusive, OffsetDateTime.ofInstant(since, ZoneOffset.UTC), upTo.blockNumber(), upTo.txIndex(), upTo.entryIndex())
                .orElse(0L);
    }

    /** Rows a streamed read fetches at a time. */
    public static final int STREAM_FETCH_SIZE = 500;

    /** Takes in one entry of a streamed read. */
    @FunctionalInterface
    public interface EntryHandler {
        void handle(Entry entry) throws SQLException;
    }

    /** A statement of the caller's own in this snapshot; the caller closes it, and bounds what it reads. */
    public PreparedStatement prepare(String sql) throws SQLException {
        return connection.prepareStatement(sql);
    }

    /** Takes in one row of a result set. */
    @FunctionalInterface
    public interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    /**
     * Runs the query {@code sql} in this snapshot with {@code parameters} in order, and hands each row to {@code row};
     * the caller bounds what it reads.
     */
    public void eachRow(String sql, RowHandler row, Object... parameters) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    row.handle(rs);
                }
            }
        }
    }

    /** Ends the transaction (a rollback: a reader never commits) and gives the connection back. */
    @Override
    public void close() throws SQLException {
        try (connection) {
            connection.rollback();
        }
    }

    /** Maps one row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private static AccountEntry accountEntry(ResultSet rs) throws SQLException {
        return new AccountEntry(Rows.entry(rs), rs.getString(Rows.ENTRY_COLUMNS + 1));
    }

    private <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... parameters) throws SQLException {
        List<T> rows = list(sql, mapper, parameters);
        if (rows.size() > 1) {
            throw new IllegalStateException("a lookup by key found " + rows.size() + " rows: " + sql);
        }
        return rows.stream().findFirst();
    }

    private <T> List<T> list(String sql, RowMapper<T> mapper, Object... parameters) throws SQLException {
        List<T> rows = new ArrayList<>();
        eachRow(sql, rs -> rows.add(mapper.map(rs)), parameters);
        return rows;
    }

    private static int limit(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("a query's limit must be positive, not " + limit);
        }
        return limit;
    }
}
