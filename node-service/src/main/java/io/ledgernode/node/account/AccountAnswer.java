package io.ledgernode.node.account;

import io.ledgernode.mirror.Account;
import io.ledgernode.mirror.Hold;
import io.ledgernode.api.Instants;
import java.util.List;
import java.util.OptionalLong;

/**
 * An account as the API answers it (REST as JSON, gRPC as {@code Account}): its row, amounts as decimal text of
 * integer minor units (JSON-safe past 2^53), its open holds and the mirror height the answer reflects.
 *
 * @param decimals the asset's decimals (an amount of minor units m is m / 10^decimals in major units)
 * @param perTransferMax the per-transfer limit, or null when there is none
 * @param dailyDebitMax the daily debit limit, or null when there is none
 */
public record AccountAnswer(String id, String asset, int decimals, String custodianMsp, String ownerRef, String jurisdiction, String status,
        String balance, String held, String perTransferMax, String dailyDebitMax, long updatedBlock, List<HoldLine> holds,
        long mirrorHeight) {

    public AccountAnswer {
        holds = List.copyOf(holds);
    }

    /** An open hold of the account. */
    public record HoldLine(String id, String amount, String payee, String expiresAt) {

        static HoldLine of(Hold hold) {
            return new HoldLine(hold.id(), Long.toString(hold.amount()), hold.payee(), Instants.format(hold.expiresAt()));
        }
    }

    static AccountAnswer of(Account account, int decimals, List<Hold> holds, long mirrorHeight) {
        return new AccountAnswer(account.id(), account.asset(), decimals, account.custodianMsp(), account.ownerRef(), account.jurisdiction(),
                account.status().name(), Long.toString(account.balance()), Long.toString(account.held()),
                text(account.perTransferMax()), text(account.dailyDebitMax()), account.updatedBlock(),
                holds.stream().map(HoldLine::of).toList(), mirrorHeight);
    }

    private static String text(OptionalLong amount) {
        return amount.isPresent() ? Long.toString(amount.getAsLong()) : null;
    }
}
