package io.ledgernode.reconciler.mirror;

import java.util.Map;

/**
 * What one mirror entry does to its account's balance and held amount and to its asset's supply, as signed
 * multiples of its amount: the chaincode's own bookkeeping, so supply is always the sum of balances and held amounts.
 * The single place where entry kinds get their meaning here; the SQL sums are generated from it.
 */
record Effect(int balance, int held, int supply) {

    private static final Map<String, Effect> BY_KIND = Map.of(
            "MINT", new Effect(1, 0, 1),
            "BURN", new Effect(-1, 0, -1),
            "CREDIT", new Effect(1, 0, 0),
            "DEBIT", new Effect(-1, 0, 0),
            "HOLD", new Effect(-1, 1, 0),
            "HOLD_RELEASE", new Effect(1, -1, 0),
            "HOLD_CAPTURE", new Effect(0, -1, 0));

    /** The effect of an entry kind; a kind the mirror's schema does not allow is a programming error. */
    static Effect of(String kind) {
        Effect effect = BY_KIND.get(kind);
        if (effect == null) {
            throw new IllegalStateException("unknown entry kind " + kind);
        }
        return effect;
    }

    /** A SQL expression summing to the balance (or held, or supply) delta of {@code kind} and {@code amount} columns. */
    static String sqlDelta(String component) {
        StringBuilder sql = new StringBuilder("CASE kind");
        BY_KIND.forEach((kind, effect) -> {
            int factor = switch (component) {
                case "balance" -> effect.balance;
                case "held" -> effect.held;
                case "supply" -> effect.supply;
                default -> throw new IllegalArgumentException("no effect component " + component);
            };
            sql.append(" WHEN '").append(kind).append("' THEN ").append(factor).append(" * amount::numeric");
        });
        return sql.append(" END").toString();
    }
}
