package io.ledgernode.reconciler.chain;

import java.util.Objects;

/** One account as {@code Accounts:list} states it: exact balance and held sum in minor units, and its open holds. */
public record AccountLine(String id, String asset, String jurisdiction, String status, long balance, long held,
                          HoldSummary openHolds) {

    public AccountLine {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(openHolds, "openHolds");
        if (balance < 0 || held < 0) {
            throw new IllegalArgumentException("account " + id + ": negative balance or held amount");
        }
    }
}
