package io.ledgernode.api.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Require;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code Accounts:openMany}: all or nothing, at most {@code bulkOpenMax} accounts, no duplicate ids. */
public final class OpenAccountsRequest {
    private final List<OpenAccountRequest> accounts;

    private OpenAccountsRequest(final List<OpenAccountRequest> accounts) {
        this.accounts = Require.nonEmptyList("accounts", accounts);
        final Set<String> ids = new HashSet<>();
        for (final OpenAccountRequest account : this.accounts) {
            if (!ids.add(account.id())) {
                throw Require.invalid("accounts has the id " + account.id() + " more than once");
            }
        }
    }

    @JsonCreator
    public static OpenAccountsRequest of(@JsonProperty("accounts") final List<OpenAccountRequest> accounts) {
        return new OpenAccountsRequest(accounts);
    }

    /** The accounts to open, in order (immutable). */
    public List<OpenAccountRequest> accounts() {
        return accounts;
    }
}
