package io.ledgernode.reports.mirror;

import static io.ledgernode.mirror.MirrorTables.ACCOUNTS;
import static io.ledgernode.mirror.MirrorTables.ASSETS;
import static io.ledgernode.mirror.MirrorTables.ENTRIES;
import static io.ledgernode.mirror.MirrorTables.TRANSACTIONS;

import io.ledgernode.api.money.EntryKind;
import io.ledgernode.mirror.Block;
import io.ledgernode.mirror.Entry;
import io.ledgernode.mirror.MirrorView;
import io.ledgernode.reports.ReportException;
import io.ledgernode.reports.ReportException.Reason;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The mirror as it stood at a cut-off block, read in one snapshot of the mirror module ({@link MirrorView}: one
 * read-only, repeatable-read transaction) so every query sees the same rows; the queries here are the reports' own,
 * naming the mirror's tables through {@link io.ledgernode.mirror.MirrorTables}. Only rows with a block number at or before the cut-off count; rows of later blocks (which the
 * bridge may be adding meanwhile) are invisible to every method. Orderings are decided here in Java, never by the
 * database's collation, so two servers give the same report.
 */
public final class MirrorSnapshot implements AutoCloseable {

    private final MirrorView view;
    private final CutOff cutOff;
    private final int rowsMax;

    private MirrorSnapshot(MirrorView view, CutOff cutOff, int rowsMax) {
        this.view = view;
        this.cutOff = cutOff;
        this.rowsMax = rowsMax;
    }

    /** Opens the snapshot; {@link Reason#MIRROR_BEHIND} if the mirror does not hold the cut-off block yet. */
    public static MirrorSnapshot open(DataSource mirror, long cutOffBlock, int rowsMax) throws ReportException {
        MirrorView view = null;
        try {
            view = MirrorView.open(mirror);
            return new MirrorSnapshot(view, readCutOff(view, cutOffBlock), rowsMax);
        } catch (SQLException e) {
            closeQuietly(view);
            throw unavailable(e);
        } catch (ReportException e) {
            closeQuietly(view);
            throw e;
        }
    }

    public CutOff cutOff() {
        return cutOff;
    }

    /** The assets registered at or before the cut-off, by code. */
    public SortedMap<String, Asset> assets() throws ReportException {
        SortedMap<String, Asset> assets = new TreeMap<>();
        try {
            view.eachRow("SELECT code, decimals FROM " + ASSETS + " WHERE block_number <= ?",
                    rows -> assets.put(rows.getString(1), new Asset(rows.getString(1), rows.getInt(2))), cutOff.blockNumber());
        } catch (SQLException e) {
            throw unavailable(e);
        }
        return assets;
    }

    /** Every account opened at or before the cut-off, of every jurisdiction, by id, with its state at the cut-off. */
    public List<AccountState> accounts() throws ReportException {
        try {
            Map<String, Sums> sums = entrySums();
            List<AccountState> accounts = new ArrayList<>();
            for (Opened opened : openedAccounts()) {
                Sums of = sums.getOrDefault(opened.account().id(), new Sums());
                accounts.add(new AccountState(opened.account(), opened.block(),
                        exact(of.balance, opened.account()), exact(of.held, opened.account())));
            }
            return List.copyOf(accounts);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /**
     * Each asset's supply at the cut-off, from its MINT and BURN entries alone: computed apart from the balances, so
     * that comparing the two attests something.
     */
    public SortedMap<String, BigInteger> supplies() throws ReportException {
        SortedMap<String, BigInteger> supplies = new TreeMap<>();
        try {
            view.eachRow("SELECT asset, kind, sum(amount) FROM "
                    + ENTRIES + " WHERE block_number <= ? AND kind IN ('MINT', 'BURN') GROUP BY asset, kind", rows -> {
                BigInteger total = rows.getBigDecimal(3).toBigIntegerExact();
                int sign = EntryKind.valueOf(rows.getString(2)).supplySign();
                supplies.merge(rows.getString(1), total.multiply(BigInteger.valueOf(sign)), BigInteger::add);
            }, cutOff.blockNumber());
        } catch (SQLException e) {
            throw unavailable(e);
        }
        return supplies;
    }

    /** The jurisdictions of the accounts opened at or before the cut-off. */
    public SortedSet<String> jurisdictions() throws ReportException {
        SortedSet<String> jurisdictions = new TreeSet<>();
        try {
            view.eachRow("SELECT DISTINCT jurisdiction FROM " + ACCOUNTS + " WHERE opened_block <= ?",
                    rows -> jurisdictions.add(rows.getString(1)), cutOff.blockNumber());
        } catch (SQLException e) {
            throw unavailable(e);
        }
        return jurisdictions;
    }

    /**
     * The money movements of valid transactions whose (chain) timestamp falls on this UTC day and whose block is at
     * or before the cut-off, in chain order.
     */
    public List<Movement> movements(LocalDate day) throws ReportException {
        return Movements.of(entriesOf(day));
    }

    private List<MirrorEntry> entriesOf(LocalDate day) throws ReportException {
        List<MirrorEntry> entries = new ArrayList<>();
        try {
            view.eachRow("SELECT e.block_number, e.tx_index, "
                    + "e.entry_index, e.tx_id, t.tx_timestamp, e.account_id, a.asset, a.owner_ref, a.jurisdiction, "
                    + "e.asset, e.kind, e.amount, e.hold_id FROM " + ENTRIES + " e JOIN " + TRANSACTIONS + " t "
                    + "ON t.block_number = e.block_number AND t.tx_index = e.tx_index "
                    + "JOIN " + ACCOUNTS + " a ON a.id = e.account_id "
                    + "WHERE e.block_number <= ? AND t.validation_code = 'VALID' "
                    + "AND t.tx_timestamp >= ? AND t.tx_timestamp < ? "
                    + "ORDER BY e.block_number, e.tx_index, e.entry_index LIMIT ?", rows -> entries.add(entry(rows)),
                    cutOff.blockNumber(), day.atStartOfDay().atOffset(ZoneOffset.UTC),
                    day.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC), rowsMax + 1);
            requireWithinLimit(entries.size(), "entries of " + day);
        } catch (SQLException e) {
            throw unavailable(e);
        }
        return entries;
    }

    private static MirrorEntry entry(ResultSet rows) throws SQLException {
        AccountRef account = new AccountRef(rows.getString(6), rows.getString(7), rows.getString(8),
                rows.getString(9));
        return new MirrorEntry(new Entry(rows.getLong(1), rows.getInt(2), rows.getInt(3), rows.getString(4), account.id(),
                rows.getString(10), EntryKind.valueOf(rows.getString(11)), rows.getLong(12), rows.getString(13),
                rows.getObject(5, OffsetDateTime.class).toInstant()), account);
    }

    private record Opened(AccountRef account, long block) {
    }

    private List<Opened> openedAccounts() throws SQLException, ReportException {
        List<Opened> opened = new ArrayList<>();
        view.eachRow("SELECT id, asset, owner_ref, jurisdiction, "
                + "opened_block FROM " + ACCOUNTS + " WHERE opened_block <= ? LIMIT ?", rows -> opened.add(new Opened(
                new AccountRef(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)), rows.getLong(5))),
                cutOff.blockNumber(), rowsMax + 1);
        requireWithinLimit(opened.size(), "accounts");
        opened.sort(Comparator.comparing(o -> o.account().id()));
        return opened;
    }

    /** Running balance and held sums of one account; BigInteger because a lifetime of credits may pass 2^63. */
    private static final class Sums {
        BigInteger balance = BigInteger.ZERO;
        BigInteger held = BigInteger.ZERO;
    }

    private Map<String, Sums> entrySums() throws SQLException {
        Map<String, Sums> sums = new HashMap<>();
        view.eachRow("SELECT account_id, kind, sum(amount) "
                + "FROM " + ENTRIES + " WHERE block_number <= ? GROUP BY account_id, kind", rows -> {
            EntryKind kind = EntryKind.valueOf(rows.getString(2));
            BigInteger total = rows.getBigDecimal(3).toBigIntegerExact();
            Sums of = sums.computeIfAbsent(rows.getString(1), id -> new Sums());
            of.balance = of.balance.add(total.multiply(BigInteger.valueOf(kind.balanceSign())));
            of.held = of.held.add(total.multiply(BigInteger.valueOf(kind.heldSign())));
        }, cutOff.blockNumber());
        return sums;
    }

    private static long exact(BigInteger value, AccountRef account) throws ReportException {
        if (value.signum() < 0 || value.bitLength() > 63) {
            throw new ReportException(Reason.MIRROR_INCONSISTENT, "the entries of account " + account.id()
                    + " add up to " + value + ", outside 0 to 2^63-1");
        }
        return value.longValueExact();
    }

    private static CutOff readCutOff(MirrorView view, long blockNumber) throws SQLException, ReportException {
        Optional<Block> block = view.block(blockNumber);
        if (block.isEmpty()) {
            throw new ReportException(Reason.MIRROR_BEHIND, "the mirror does not hold block " + blockNumber + " yet");
        }
        byte[] hash = block.get().headerHash();
        try (PreparedStatement query = view.prepare(
                "SELECT max(tx_timestamp) FROM " + TRANSACTIONS + " WHERE block_number = ?")) {
            query.setLong(1, blockNumber);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                OffsetDateTime latest = rows.getObject(1, OffsetDateTime.class);
                return new CutOff(blockNumber, HexFormat.of().formatHex(hash),
                        latest == null ? Instant.EPOCH : latest.toInstant());
            }
        }
    }

    private void requireWithinLimit(int rows, String what) throws ReportException {
        if (rows > rowsMax) {
            throw new ReportException(Reason.LIMIT_EXCEEDED, "more than rowsMax " + rowsMax + " " + what
                    + " at block " + cutOff.blockNumber());
        }
    }

    private static ReportException unavailable(SQLException e) {
        return new ReportException(Reason.MIRROR_UNAVAILABLE, "reading the mirror failed: " + e.getMessage(), e);
    }

    private static void closeQuietly(MirrorView view) {
        if (view != null) {
            try {
                view.close();
            } catch (SQLException ignored) {
                // Already failing with the first error, which is the one worth reporting.
            }
        }
    }

    @Override
    public void close() throws ReportException {
        try {
            view.close();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }
}
