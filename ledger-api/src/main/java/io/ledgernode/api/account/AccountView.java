package io.ledgernode.api.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Amount;
import io.ledgernode.api.Require;

/**
 * {@code Accounts:get}: the account record with its exact {@code balance} (settled plus every pending credit) and
 * {@code held} (the sum of its open holds).
 */
public final class AccountView extends AccountFields {
    private final Amount balance;
    private final Amount held;

    private AccountView(final Account account, final Amount balance, final Amount held) {
        super(account);
        this.balance = Require.present("balance", balance);
        this.held = Require.present("held", held);
    }

    /** The view of a record with its balances. */
    public static AccountView of(final Account account, final Amount balance, final Amount held) {
        return new AccountView(Require.present("account", account), balance, held);
    }

    @JsonCreator
    static AccountView fromJson(@JsonProperty("id") final String id, @JsonProperty("asset") final String asset,
            @JsonProperty("ownerRef") final String ownerRef,
            @JsonProperty("jurisdiction") final String jurisdiction,
            @JsonProperty("custodianMsp") final String custodianMsp,
            @JsonProperty("status") final AccountStatus status, @JsonProperty("limits") final Limits limits,
            @JsonProperty("openedAt") final String openedAt, @JsonProperty("balance") final Amount balance,
            @JsonProperty("held") final Amount held) {
        return new AccountView(Account.of(id, asset, ownerRef, jurisdiction, custodianMsp, status, limits, openedAt),
                balance, held);
    }

    /** The record part. */
    public Account account() {
        return Account.of(id(), asset(), ownerRef(), jurisdiction(), custodianMsp(), status(), limits(), openedAt());
    }

    /** Settled balance plus pending credits, excluding held amounts. */
    public Amount balance() {
        return balance;
    }

    /** The sum of the account's open holds. */
    public Amount held() {
        return held;
    }
}
