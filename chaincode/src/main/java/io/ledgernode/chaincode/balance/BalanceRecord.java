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

    @JsonCreator
    BalanceRecord(@JsonProperty("settled") final Amount settled, @JsonProperty("held") final Amount held) {
        this.settled = Require.present("settled", settled);
        this.held = Require.present("held", held);
    }

    Amount settled() {
        return settled;
    }

    Amount held() {
        return held;
    }

    BalanceRecord withSettled(final Amount newSettled) {
        return new BalanceRecord(newSettled, held);
    }

    BalanceRecord withHeld(final Amount newHeld) {
        return new BalanceRecord(settled, newHeld);
    }
}
