package io.ledgernode.reconciler.mirror;

import static io.ledgernode.mirror.MirrorTables.ACCOUNTS;
import static io.ledgernode.mirror.MirrorTables.ASSETS;
import static io.ledgernode.mirror.MirrorTables.ENTRIES;

import io.ledgernode.mirror.EntrySql;
import io.ledgernode.mirror.MirrorView;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The queries of supply histories. The sums over all accounts and all entries of an asset scan those tables once per
 * page of assets (assets are few; accounts and entries are many), which is the price of checking that the mirror's
 * supply is what its own accounts and history add up to.
 */
final class SupplyQueries {


    private SupplyQueries() {
    }

    static Map<String, SupplyHistory> read(MirrorView view, Collection<String> codes, long from) throws SQLException {
        Array codeArray = view.textArray(codes);
        Map<String, Object[]> rows = new HashMap<>();
        view.eachRow("SELECT code, block_number, supply FROM " + ASSETS + " WHERE code = ANY(?)",
                rs -> rows.put(rs.getString(1), new Object[] {rs.getLong(2), BigInteger.valueOf(rs.getLong(3))}), codeArray);
        Map<String, BigInteger> accounts = sums(view, codeArray,
                "SELECT asset, sum(balance::numeric + held::numeric) FROM " + ACCOUNTS + " WHERE asset = ANY(?) GROUP BY asset");
        Map<String, BigInteger> entries = sums(view, codeArray, "SELECT asset, sum(" + EntrySql.SUPPLY_DELTA
                + ") FROM " + ENTRIES + " WHERE asset = ANY(?) AND kind IN ('MINT', 'BURN') GROUP BY asset");
        Map<String, List<AccountHistory.RecentEntry>> recent = recent(view, codeArray, from);
        Map<String, SupplyHistory> histories = new LinkedHashMap<>();
        for (String code : codes) {
            Object[] row = rows.get(code);
            histories.put(code, new SupplyHistory(code, row == null ? null : (Long) row[0],
                    row == null ? BigInteger.ZERO : (BigInteger) row[1], entries.getOrDefault(code, BigInteger.ZERO),
                    accounts.getOrDefault(code, BigInteger.ZERO), from, recent.getOrDefault(code, List.of())));
        }
        return histories;
    }

    static Map<String, Long> assetsBefore(MirrorView view, long height) throws SQLException {
        Map<String, Long> assets = new LinkedHashMap<>();
        view.eachRow("SELECT code, block_number FROM " + ASSETS + " WHERE block_number < ? ORDER BY code COLLATE \"C\"",
                rs -> assets.put(rs.getString(1), rs.getLong(2)), height);
        return assets;
    }

    static Set<String> movedBetween(MirrorView view, long fromHeight, long toHeight) throws SQLException {
        Set<String> moved = new HashSet<>();
        view.eachRow("SELECT DISTINCT asset FROM " + ENTRIES + " WHERE block_number >= ? AND block_number < ?",
                rs -> moved.add(rs.getString(1)), fromHeight, toHeight);
        return moved;
    }

    private static Map<String, BigInteger> sums(MirrorView view, Array codes, String sql) throws SQLException {
        Map<String, BigInteger> sums = new HashMap<>();
        view.eachRow(sql, rs -> sums.put(rs.getString(1), MirrorHistories.integer(rs, 2)), codes);
        return sums;
    }

    private static Map<String, List<AccountHistory.RecentEntry>> recent(MirrorView view, Array codes, long from)
            throws SQLException {
        Map<String, List<AccountHistory.RecentEntry>> recent = new HashMap<>();
        view.eachRow("SELECT asset, block_number, kind, amount FROM " + ENTRIES + " WHERE block_number >= ? AND asset = ANY(?)",
                rs -> recent.computeIfAbsent(rs.getString(1), code -> new ArrayList<>())
                        .add(new AccountHistory.RecentEntry(rs.getLong(2), rs.getString(3), rs.getLong(4))), from, codes);
        return recent;
    }
}
