package io.ledgernode.proof.bundle;

import java.util.Objects;

/** One balance effect as the bundle states it, in the chaincode event's own terms ({@code docs/chaincode-api.md}). */
public record ClaimedEntry(String account, String asset, String kind, String amount, String holdId) {
    public ClaimedEntry {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amount, "amount");
    }

    @Override
    public String toString() {
        return kind + " " + amount + " " + asset + " " + account + (holdId == null ? "" : " hold " + holdId);
    }
}
