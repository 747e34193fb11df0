package io.ledgernode.api.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Amount;
import io.ledgernode.api.Require;

/**
 * {@code Accounts:consolidateCredits}: how many of the named credits were folded and their sum (0 and 0 when every
 * one had already been folded by a debit; then nothing changed and no event was emitted).
 */
public final class ConsolidateCreditsResult {
    private final String account;
    private final int folded;
    private final Amount amount;

    private ConsolidateCreditsResult(final String account, final Integer folded, final Amount amount) {
        this.account = Require.accountId("account", account);
        this.folded = Require.within("folded", folded, 0, Integer.MAX_VALUE);
        this.amount = Require.present("amount", amount);
    }

    @JsonCreator
    public static ConsolidateCreditsResult of(@JsonProperty("account") final String account,
            @JsonProperty("folded") final Integer folded, @JsonProperty("amount") final Amount amount) {
        return new ConsolidateCreditsResult(account, folded, amount);
    }

    public String account() {
        return account;
    }

    public int folded() {
        return folded;
    }

    public Amount amount() {
        return amount;
    }
}
