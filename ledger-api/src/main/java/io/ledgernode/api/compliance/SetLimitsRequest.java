package io.ledgernode.api.compliance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Amount;
import io.ledgernode.api.Require;
import io.ledgernode.api.account.Limits;

/**
 * {@code Compliance:setLimits}: replaces the account's limits; an omitted limit means none, so omitting both removes
 * every limit.
 */
public final class SetLimitsRequest {
    private final String account;
    private final Amount perTransferMax;
    private final Amount dailyDebitMax;

    private SetLimitsRequest(final String account, final Limits limits) {
        this.account = Require.accountId("account", account);
        this.perTransferMax = limits.perTransferMax();
        this.dailyDebitMax = limits.dailyDebitMax();
    }

    @JsonCreator
    public static SetLimitsRequest of(@JsonProperty("account") final String account,
            @JsonProperty("perTransferMax") final Amount perTransferMax,
            @JsonProperty("dailyDebitMax") final Amount dailyDebitMax) {
        return new SetLimitsRequest(account, Limits.of(perTransferMax, dailyDebitMax));
    }

    public String account() {
        return account;
    }

    public Limits limits() {
        return Limits.of(perTransferMax, dailyDebitMax);
    }
}
