package io.ledgernode.api.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Require;

/**
 * {@code Accounts:pendingCredits}: the first pending credits of an account in key order, at most {@code limit}
 * (optional; default and maximum {@link ConsolidateCreditsRequest#CREDITS_MAX}, what one consolidation takes).
 */
public final class PendingCreditsRequest {
    private final String account;
    private final int limit;

    private PendingCreditsRequest(final String account, final Integer limit) {
        this.account = Require.accountId("account", account);
        this.limit = limit == null ? ConsolidateCreditsRequest.CREDITS_MAX
                : Require.within("limit", limit, 1, ConsolidateCreditsRequest.CREDITS_MAX);
    }

    /** A request; a null limit means the maximum. */
    @JsonCreator
    public static PendingCreditsRequest of(@JsonProperty("account") final String account,
            @JsonProperty("limit") final Integer limit) {
        return new PendingCreditsRequest(account, limit);
    }

    public String account() {
        return account;
    }

    /** The most credits wanted. */
    public int limit() {
        return limit;
    }
}
