package io.ledgernode.chaincode.balance;

import io.ledgernode.api.Amount;
import io.ledgernode.api.LedgerException;
import io.ledgernode.api.account.Account;
import io.ledgernode.api.account.ConsolidateCreditsResult;
import io.ledgernode.api.account.CreditRef;
import io.ledgernode.api.account.PendingCreditsResult;
import io.ledgernode.api.event.CreditsConsolidatedEvent;
import io.ledgernode.chaincode.state.Keys;
import io.ledgernode.chaincode.state.LedgerState;
import io.ledgernode.chaincode.tx.Tx;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.shim.ledger.CompositeKey;

/**
 * Folding an account's pending credits into its settled balance in the background, so that the rows a balance read
 * sums stay bounded however many credits the account receives (see the package documentation).
 *
 * <p>The consolidation reads each named credit by its key and never by range: Fabric re-runs a transaction's range
 * reads at validation and invalidates it if a key appeared in the range meanwhile (a phantom), so a range read would
 * lose to every credit committed while it was in flight. Point reads of the named keys and the read of the balance
 * record are all it depends on, so it conflicts only with a debit or hold change of the same account (which write the
 * balance record or fold the same credits), never with a credit, which writes a key of its own.
 */
public final class CreditConsolidation {
    private final LedgerState state;

    public CreditConsolidation(final LedgerState state) {
        this.state = state;
    }

    /**
     * The account's first {@code limit} pending credits in key order, their sum and whether there are more; for
     * queries only (a paginated read). The request bounds {@code limit}.
     */
    public PendingCreditsResult pending(final String accountId, final int limit) {
        final List<CreditRef> credits = new ArrayList<>(limit);
        final Amount[] sum = {Amount.ZERO};
        final boolean[] more = {false};
        final CompositeKey prefix = Keys.prefix(Keys.CREDIT, accountId);
        // One more than asked for, only to learn whether there are more.
        state.pageFrom(prefix, prefix.toString(), limit + 1, (key, value) -> {
            if (credits.size() == limit) {
                more[0] = true;
                return false;
            }
            credits.add(ref(accountId, key));
            sum[0] = sum[0].plus(LedgerState.decode(key, value, Amount.class));
            return true;
        });
        return PendingCreditsResult.of(accountId, credits, sum[0], more[0]);
    }

    /**
     * Folds the named pending credits of the account into its settled balance and emits {@code CREDITS_CONSOLIDATED}.
     * Credits already folded (by a debit since the caller listed them) are skipped; when none is left, nothing
     * changes and no event is emitted. The balance, held sum and supply are unchanged: the credits were part of the
     * balance already.
     */
    public ConsolidateCreditsResult consolidate(final Tx tx, final Account account, final List<CreditRef> refs) {
        // The request holds at most ConsolidateCreditsRequest.CREDITS_MAX references.
        Amount sum = Amount.ZERO;
        int folded = 0;
        for (final CreditRef ref : refs) {
            final String key = Keys.credit(account.id(), ref.txId(), ref.index());
            final Amount credit = state.read(key, Amount.class).orElse(null);
            if (credit != null) {
                state.delete(key);
                sum = sum.plus(credit);
                folded++;
            }
        }
        if (folded > 0) {
            final String balanceKey = Keys.balance(account.id());
            final BalanceRecord balance = state.read(balanceKey, BalanceRecord.class).orElseThrow(() ->
                    new IllegalStateException("account " + account.id() + " has no balance record"));
            state.write(balanceKey, balance.withSettled(balance.settled().plus(sum)));
            tx.emit(CreditsConsolidatedEvent.of(tx.txId(), tx.timestamp(), account.id(), folded, sum));
        }
        return ConsolidateCreditsResult.of(account.id(), folded, sum);
    }

    /** The reference of a pending-credit key of the account: {@code credit/account/txId/index}. */
    private static CreditRef ref(final String accountId, final String key) {
        final List<String> attributes = CompositeKey.parseCompositeKey(key).getAttributes();
        if (attributes.size() != 3 || !attributes.get(0).equals(accountId)) {
            throw new IllegalStateException("not a pending credit of " + accountId + ": " + key.replace('\u0000', '/'));
        }
        try {
            return CreditRef.of(attributes.get(1), Integer.valueOf(attributes.get(2)));
        } catch (final NumberFormatException | LedgerException e) {
            throw new IllegalStateException("corrupt pending-credit key of " + accountId, e);
        }
    }
}
