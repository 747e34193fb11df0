package io.ledgernode.chaincode.balance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Amount;
import io.ledgernode.api.Require;

/**
 * The {@code balance} record of an account: the settled balance (pending credits not yet folded in), the held sum, and
 * the sum debited on the UTC day of its last debit. The day's sum lives here rather than under a key of its own
 * because every debit reads and writes this record anyway: one key fewer to read and write per debit, for the chaincode
 * and for every peer that validates and commits it. Credits never touch this record (they write keys of their own),
 * so it adds no conflict between concurrent credits.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
final class BalanceRecord {
    private final Amount settled;
    private final Amount held;
    /** The UTC day ({@code 2026-11-22}) of the last debit, or of the opening; null in records older than the field. */
    private final String debitDay;
    /** The sum debited on {@code debitDay}; null exactly when {@code debitDay} is. */
    private final Amount debited;

    @JsonCreator
    BalanceRecord(@JsonProperty("settled") final Amount settled, @JsonProperty("held") final Amount held,
            @JsonProperty("debitDay") final String debitDay, @JsonProperty("debited") final Amount debited) {
        this.settled = Require.present("settled", settled);
        this.held = Require.present("held", held);
        if ((debitDay == null) != (debited == null)) {
            throw new IllegalStateException("a balance record with debitDay " + debitDay + " and debited " + debited);
        }
        this.debitDay = debitDay;
        this.debited = debited;
    }

    /** The record of an account opened on {@code utcDay}: nothing settled, held or debited yet. */
    static BalanceRecord opened(final String utcDay) {
        return new BalanceRecord(Amount.ZERO, Amount.ZERO, utcDay, Amount.ZERO);
    }

    Amount settled() {
        return settled;
    }

    Amount held() {
        return held;
    }

    /** Whether the record says which day its debited sum is of (records written before the field was added do not). */
    boolean knowsDebitDay() {
        return debitDay != null;
    }

    /** The sum debited on {@code utcDay} as this record knows it: zero on any day but that of its last debit. */
    Amount debitedOn(final String utcDay) {
        return utcDay.equals(debitDay) ? debited : Amount.ZERO;
    }

    /** After a debit of {@code amount} on {@code utcDay} that brings the day's sum to {@code dayTotal}. */
    BalanceRecord afterDebit(final Amount amount, final String utcDay, final Amount dayTotal) {
        return new BalanceRecord(settled.minus(amount), held, utcDay, dayTotal);
    }

    BalanceRecord withSettled(final Amount newSettled) {
        return new BalanceRecord(newSettled, held, debitDay, debited);
    }

    BalanceRecord withHeld(final Amount newHeld) {
        return new BalanceRecord(settled, newHeld, debitDay, debited);
    }
}
