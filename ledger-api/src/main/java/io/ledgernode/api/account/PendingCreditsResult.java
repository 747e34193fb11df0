package io.ledgernode.api.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Amount;
import io.ledgernode.api.Require;
import java.util.List;

/**
 * {@code Accounts:pendingCredits}: the first pending credits of the account in key order, their sum, and whether it
 * has more than these. Exactly what {@code Accounts:consolidateCredits} takes.
 */
public final class PendingCreditsResult {
    private final String account;
    private final List<CreditRef> credits;
    private final Amount sum;
    private final boolean more;

    private PendingCreditsResult(final String account, final List<CreditRef> credits, final Amount sum,
            final Boolean more) {
        this.account = Require.accountId("account", account);
        this.credits = Require.list("credits", credits);
        this.sum = Require.present("sum", sum);
        this.more = Require.present("more", more);
    }

    @JsonCreator
    public static PendingCreditsResult of(@JsonProperty("account") final String account,
            @JsonProperty("credits") final List<CreditRef> credits, @JsonProperty("sum") final Amount sum,
            @JsonProperty("more") final Boolean more) {
        return new PendingCreditsResult(account, credits, sum, more);
    }

    public String account() {
        return account;
    }

    /** The credits, in key order (oldest transaction id order is not implied). */
    public List<CreditRef> credits() {
        return credits;
    }

    /** The sum of {@link #credits()}. */
    public Amount sum() {
        return sum;
    }

    /** Whether the account has pending credits beyond these. */
    public boolean more() {
        return more;
    }
}
