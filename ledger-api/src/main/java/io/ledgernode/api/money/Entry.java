package io.ledgernode.api.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Amount;
import io.ledgernode.api.Require;
import io.ledgernode.api.Value;

/**
 * One balance effect of a transaction, e.g. {@code {"account":"alice","amount":"2500","asset":"USD","holdId":null,
 * "kind":"DEBIT"}}. A transaction's entries, in order, rebuild every balance, held amount and supply.
 */
public final class Entry extends Value {
    private final String account;
    private final String asset;
    private final EntryKind kind;
    private final Amount amount;
    private final String holdId;

    private Entry(final String account, final String asset, final EntryKind kind, final Amount amount,
            final String holdId) {
        this.account = Require.accountId("account", account);
        this.asset = Require.assetCode("asset", asset);
        this.kind = Require.present("kind", kind);
        this.amount = Require.positive("amount", amount);
        this.holdId = holdId == null ? null : Require.holdId("holdId", holdId);
    }

    /** An entry; {@code holdId} is null unless the effect involves a hold. */
    @JsonCreator
    public static Entry of(@JsonProperty("account") final String account, @JsonProperty("asset") final String asset,
            @JsonProperty("kind") final EntryKind kind, @JsonProperty("amount") final Amount amount,
            @JsonProperty("holdId") final String holdId) {
        return new Entry(account, asset, kind, amount, holdId);
    }

    public String account() {
        return account;
    }

    public String asset() {
        return asset;
    }

    public EntryKind kind() {
        return kind;
    }

    public Amount amount() {
        return amount;
    }

    /** The hold involved, or null. */
    public String holdId() {
        return holdId;
    }

    @Override
    protected Object[] components() {
        return new Object[] {account, asset, kind, amount, holdId};
    }

    @Override
    public String toString() {
        return kind + " " + amount + " " + asset + " " + account + (holdId == null ? "" : " hold " + holdId);
    }
}
