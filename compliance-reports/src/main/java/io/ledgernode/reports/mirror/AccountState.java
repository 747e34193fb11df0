package io.ledgernode.reports.mirror;

import java.util.Objects;

/**
 * An account open at the cut-off, with its balance and held amount at the cut-off, in minor units: summed from the
 * entries up to the cut-off block, unlike the mirror's {@link io.ledgernode.mirror.Account} (its state after the last
 * mirrored block), so the two are different values and both are needed.
 */
public record AccountState(AccountRef account, long openedBlock, long balance, long held) {

    public AccountState {
        Objects.requireNonNull(account, "account");
        if (balance < 0 || held < 0) {
            throw new IllegalArgumentException("account " + account.id() + " would have balance " + balance
                    + " and held " + held + ": the chaincode never lets either go negative");
        }
    }
}
