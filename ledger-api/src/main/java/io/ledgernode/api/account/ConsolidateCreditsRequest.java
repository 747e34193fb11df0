package io.ledgernode.api.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.ErrorCode;
import io.ledgernode.api.LedgerException;
import io.ledgernode.api.Require;
import java.util.HashSet;
import java.util.List;

/**
 * {@code Accounts:consolidateCredits} (the account's custodian org only): folds the named pending credits of the
 * account into its settled balance, e.g. {@code {"account":"merchant-1","credits":[{"index":0,"txId":"9f2c..."}]}}.
 * At most {@link #CREDITS_MAX} credits, no duplicates. Credits that are no longer pending (a debit folded them
 * meanwhile) are skipped, so the request is safe to repeat.
 */
public final class ConsolidateCreditsRequest {
    /**
     * The most credits one consolidation names (and one {@code Accounts:pendingCredits} lists): a transaction of this
     * many point reads and deletes stays small, and a node folds a hot account's backlog this many at a time (one
     * consolidation of an account per block, since each writes its balance record). The node's
     * {@code node.consolidation.credits-per-consolidation-max} chooses how many, up to this.
     */
    public static final int CREDITS_MAX = 1_000;

    private final String account;
    private final List<CreditRef> credits;

    private ConsolidateCreditsRequest(final String account, final List<CreditRef> credits) {
        this.account = Require.accountId("account", account);
        this.credits = Require.nonEmptyList("credits", credits);
        if (this.credits.size() > CREDITS_MAX) {
            throw new LedgerException(ErrorCode.BATCH_TOO_LARGE, this.credits.size() + " credits in one consolidation, at"
                    + " most " + CREDITS_MAX);
        }
        if (new HashSet<>(this.credits).size() != this.credits.size()) {
            throw Require.invalid("credits must not name a credit twice");
        }
    }

    @JsonCreator
    public static ConsolidateCreditsRequest of(@JsonProperty("account") final String account,
            @JsonProperty("credits") final List<CreditRef> credits) {
        return new ConsolidateCreditsRequest(account, credits);
    }

    public String account() {
        return account;
    }

    public List<CreditRef> credits() {
        return credits;
    }
}
