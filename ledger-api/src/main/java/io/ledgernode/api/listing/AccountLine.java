package io.ledgernode.api.listing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Amount;
import io.ledgernode.api.Require;
import io.ledgernode.api.Value;
import io.ledgernode.api.account.AccountStatus;

/**
 * One account of {@code Accounts:list} (and the result of {@code Accounts:summary}): what a reconciler compares.
 * {@code balance} is exact, pending credits included, as {@code Accounts:get} gives it; {@code held} is the held sum
 * of the balance record, and {@code openHolds} summarises the open holds themselves.
 */
public final class AccountLine extends Value {
    private final String id;
    private final String asset;
    private final String jurisdiction;
    private final AccountStatus status;
    private final Amount balance;
    private final Amount held;
    private final HoldSummary openHolds;

    private AccountLine(final String id, final String asset, final String jurisdiction, final AccountStatus status,
            final Amount balance, final Amount held, final HoldSummary openHolds) {
        this.id = Require.accountId("id", id);
        this.asset = Require.assetCode("asset", asset);
        this.jurisdiction = Require.jurisdiction("jurisdiction", jurisdiction);
        this.status = Require.present("status", status);
        this.balance = Require.present("balance", balance);
        this.held = Require.present("held", held);
        this.openHolds = Require.present("openHolds", openHolds);
    }

    @JsonCreator
    public static AccountLine of(@JsonProperty("id") final String id, @JsonProperty("asset") final String asset,
            @JsonProperty("jurisdiction") final String jurisdiction,
            @JsonProperty("status") final AccountStatus status, @JsonProperty("balance") final Amount balance,
            @JsonProperty("held") final Amount held, @JsonProperty("openHolds") final HoldSummary openHolds) {
        return new AccountLine(id, asset, jurisdiction, status, balance, held, openHolds);
    }

    public String id() {
        return id;
    }

    public String asset() {
        return asset;
    }

    public String jurisdiction() {
        return jurisdiction;
    }

    public AccountStatus status() {
        return status;
    }

    public Amount balance() {
        return balance;
    }

    public Amount held() {
        return held;
    }

    public HoldSummary openHolds() {
        return openHolds;
    }

    @Override
    protected Object[] components() {
        return new Object[] {id, asset, jurisdiction, status, balance, held, openHolds};
    }

    @Override
    public String toString() {
        return describe("id", "asset", "jurisdiction", "status", "balance", "held", "openHolds");
    }
}
