package io.ledgernode.chaincode.balance;

import io.ledgernode.api.Amount;
import io.ledgernode.api.Require;

/** An account's exact balance (settled plus every pending credit) and held sum, as a query reads them. */
public final class ExactBalance {
    private final String account;
    private final Amount balance;
    private final Amount held;

    ExactBalance(final String account, final Amount balance, final Amount held) {
        this.account = Require.present("account", account);
        this.balance = Require.present("balance", balance);
        this.held = Require.present("held", held);
    }

    public String account() {
        return account;
    }

    public Amount balance() {
        return balance;
    }

    public Amount held() {
        return held;
    }
}
