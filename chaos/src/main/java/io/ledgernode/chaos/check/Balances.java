package io.ledgernode.chaos.check;

import java.util.Map;
import java.util.Objects;

/** One source's view of the bank: each account's balance and held amount, and the asset's supply. */
public record Balances(String source, Map<String, Line> accounts, long supply) {

    public record Line(long balance, long held) {
    }

    public Balances {
        Objects.requireNonNull(source, "source");
        accounts = Map.copyOf(accounts);
    }

    /** Σ balance + held over every account. */
    public long total() {
        return accounts.values().stream().mapToLong(l -> Math.addExact(l.balance(), l.held())).reduce(0, Math::addExact);
    }
}
