package io.ledgernode.mirror;

import io.ledgernode.api.money.EntryKind;
import java.util.function.ToIntFunction;

/**
 * The entry effects of ledger-api's {@link EntryKind} as SQL over {@link MirrorTables#ENTRIES}: a {@code CASE} on the
 * {@code kind} column summing to the balance (or held, or supply) delta of the {@code amount} column. Generated from
 * the enum, so the SQL sums and the Java histories cannot give an entry kind two meanings.
 */
public final class EntrySql {

    /** {@code CASE kind WHEN 'MINT' THEN 1 * amount::numeric ... END}: the balance delta of each entry. */
    public static final String BALANCE_DELTA = delta(EntryKind::balanceSign);
    public static final String HELD_DELTA = delta(EntryKind::heldSign);
    public static final String SUPPLY_DELTA = delta(EntryKind::supplySign);

    private EntrySql() {
    }

    /** The entry kind of a {@code mirror.entries.kind} value; one the schema does not allow is a programming error. */
    public static EntryKind kind(String name) {
        try {
            return EntryKind.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("unknown entry kind " + name, e);
        }
    }

    private static String delta(ToIntFunction<EntryKind> sign) {
        StringBuilder sql = new StringBuilder("CASE kind");
        for (EntryKind kind : EntryKind.values()) {
            sql.append(" WHEN '").append(kind.name()).append("' THEN ").append(sign.applyAsInt(kind)).append(" * amount::numeric");
        }
        return sql.append(" END").toString();
    }
}
