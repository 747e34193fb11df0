package io.ledgernode.api.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Require;
import java.util.HashSet;
import java.util.List;

/**
 * {@code Accounts:consolidateCredits} (the account's custodian org only): folds the named pending credits of the
 * account into its settled balance, e.g. {@code {"account":"merchant-1","credits":[{"index":0,"txId":"9f2c..."}]}}.
 * At most the configured {@code pageSizeMax} credits, no duplicates. Credits that are no longer pending (a debit
 * folded them meanwhile) are skipped, so the request is safe to repeat.
 */
public final class ConsolidateCreditsRequest {
    private final String account;
    private final List<CreditRef> credits;

    private ConsolidateCreditsRequest(final String account, final List<CreditRef> credits) {
        this.account = Require.accountId("account", account);
        this.credits = Require.nonEmptyList("credits", credits);
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
