package io.ledgernode.api.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Amount;
import io.ledgernode.api.Require;

/**
 * An account's debit limits; either may be null (no limit). They apply to every debit of the account: transfers,
 * batch legs, holds placed and burns. The day is the UTC day of the transaction timestamp.
 */
public final class Limits {
    private final Amount perTransferMax;
    private final Amount dailyDebitMax;

    private Limits(final Amount perTransferMax, final Amount dailyDebitMax) {
        this.perTransferMax = perTransferMax == null ? null : Require.positive("perTransferMax", perTransferMax);
        this.dailyDebitMax = dailyDebitMax == null ? null : Require.positive("dailyDebitMax", dailyDebitMax);
    }

    @JsonCreator
    public static Limits of(@JsonProperty("perTransferMax") final Amount perTransferMax,
            @JsonProperty("dailyDebitMax") final Amount dailyDebitMax) {
        return new Limits(perTransferMax, dailyDebitMax);
    }

    /** The largest single debit, or null. */
    public Amount perTransferMax() {
        return perTransferMax;
    }

    /** The largest sum of debits in one UTC day, or null. */
    public Amount dailyDebitMax() {
        return dailyDebitMax;
    }

    /** Whether neither limit is set. */
    public boolean none() {
        return perTransferMax == null && dailyDebitMax == null;
    }
}
