package io.ledgernode.api.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Require;

/**
 * {@code Accounts:pendingCredits}: the first pending credits of an account in key order, at most {@code limit}
 * (optional; default and maximum: the configured {@code pageSizeMax}, which also bounds one consolidation).
 */
public final class PendingCreditsRequest {
    private final String account;
    private final Integer limit;

    private PendingCreditsRequest(final String account, final Integer limit) {
        this.account = Require.accountId("account", account);
        this.limit = limit == null ? null : Require.within("limit", limit, 1, Integer.MAX_VALUE);
    }

    /** A request; a null limit means the configured maximum. */
    @JsonCreator
    public static PendingCreditsRequest of(@JsonProperty("account") final String account,
            @JsonProperty("limit") final Integer limit) {
        return new PendingCreditsRequest(account, limit);
    }

    public String account() {
        return account;
    }

    /** The most credits wanted, or null for the configured maximum. */
    public Integer limit() {
        return limit;
    }
}
