package io.ledgernode.chaincode.balance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Amount;
import io.ledgernode.api.Require;

/** The {@code balance} record of an account: the settled balance (pending credits not yet folded in) and held sum. */
final class BalanceRecord {
    static final BalanceRecord EMPTY = new BalanceRecord(Amount.ZERO, Amount.ZERO);

    private final Amount settled;
    private final Amount held;

    private BalanceRecord(final Amount settled, final Amount held) {
        this.settled = Require.present("settled", settled);
        this.held = Require.present("held", held);
    }

    @JsonCreator
    static BalanceRecord of(@JsonProperty("settled") final Amount settled, @JsonProperty("held") final Amount held) {
        return new BalanceRecord(settled, held);
    }

    Amount settled() {
        return settled;
    }

    Amount held() {
        return held;
    }

    BalanceRecord withSettled(final Amount newSettled) {
        return of(newSettled, held);
    }

    BalanceRecord withHeld(final Amount newHeld) {
        return of(settled, newHeld);
    }
}
