package io.ledgernode.api.compliance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Require;

/** {@code Compliance:freeze}: the account can neither send nor receive until unfrozen; the reason is required. */
public final class FreezeRequest {
    private final String account;
    private final String reason;

    private FreezeRequest(final String account, final String reason) {
        this.account = Require.accountId("account", account);
        this.reason = Require.text("reason", reason);
    }

    @JsonCreator
    public static FreezeRequest of(@JsonProperty("account") final String account,
            @JsonProperty("reason") final String reason) {
        return new FreezeRequest(account, reason);
    }

    public String account() {
        return account;
    }

    public String reason() {
        return reason;
    }
}
