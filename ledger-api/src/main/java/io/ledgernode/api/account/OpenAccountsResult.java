package io.ledgernode.api.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Require;
import java.util.List;

/** {@code Accounts:openMany}: the records of the accounts opened, in request order. */
public final class OpenAccountsResult {
    private final List<Account> accounts;

    private OpenAccountsResult(final List<Account> accounts) {
        this.accounts = Require.list("accounts", accounts);
    }

    @JsonCreator
    public static OpenAccountsResult of(@JsonProperty("accounts") final List<Account> accounts) {
        return new OpenAccountsResult(accounts);
    }

    public List<Account> accounts() {
        return accounts;
    }
}
