package io.ledgernode.api.compliance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Require;

/** {@code Compliance:unfreeze}: the account is active again. */
public final class UnfreezeRequest {
    private final String account;

    private UnfreezeRequest(final String account) {
        this.account = Require.accountId("account", account);
    }

    @JsonCreator
    public static UnfreezeRequest of(@JsonProperty("account") final String account) {
        return new UnfreezeRequest(account);
    }

    public String account() {
        return account;
    }
}
