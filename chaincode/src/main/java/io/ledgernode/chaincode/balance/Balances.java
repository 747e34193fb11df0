package io.ledgernode.chaincode.balance;

import io.ledgernode.api.Amount;
import io.ledgernode.api.ErrorCode;
import io.ledgernode.api.LedgerException;
import io.ledgernode.api.LedgerJson;
import io.ledgernode.api.account.Account;
import io.ledgernode.api.account.Limits;
import io.ledgernode.api.money.Entry;
import io.ledgernode.api.money.EntryKind;
import io.ledgernode.chaincode.state.Keys;
import io.ledgernode.chaincode.state.LedgerState;
import io.ledgernode.chaincode.tx.Tx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Moves money in and out of account balances within one transaction, recording each effect in the journal. See the
 * package documentation for the hot-account design.
 */
public final class Balances {
    private final Tx tx;
    private final LedgerState state;

    public Balances(final Tx tx) {
        this.tx = tx;
        this.state = tx.state();
    }

    /** The zero balance record of a newly opened account. */
    public void open(final String accountId) {
        state.write(Keys.balance(accountId), BalanceRecord.opened(tx.utcDay()));
    }

    /** Balance + ({@code MINT} or {@code CREDIT}): a unique credit key; never reads the balance key. */
    public void credit(final Account to, final Amount amount, final EntryKind kind) {
        requireActive(to, "receive");
        final int index = tx.journal().add(Entry.of(to.id(), to.asset(), kind, amount, null));
        state.write(Keys.credit(to.id(), tx.txId(), index), amount);
    }

    /** Balance − ({@code DEBIT} or {@code BURN}), within the account's limits. */
    public void debit(final Account from, final Amount amount, final EntryKind kind) {
        state.write(Keys.balance(from.id()), withdraw(from, amount));
        tx.journal().add(Entry.of(from.id(), from.asset(), kind, amount, null));
    }

    /** Balance − into a hold (held +), within the account's limits. */
    public void hold(final Account from, final Amount amount, final String holdId) {
        final BalanceRecord balance = withdraw(from, amount);
        state.write(Keys.balance(from.id()), balance.withHeld(balance.held().plus(amount)));
        tx.journal().add(Entry.of(from.id(), from.asset(), EntryKind.HOLD, amount, holdId));
    }

    /** Out of a hold back into the balance (held −, balance +). */
    public void releaseHold(final Account account, final Amount amount, final String holdId) {
        final BalanceRecord balance = settledRecord(account.id());
        state.write(Keys.balance(account.id()),
                balance.withSettled(balance.settled().plus(amount)).withHeld(lessHeld(account, balance, amount)));
        tx.journal().add(Entry.of(account.id(), account.asset(), EntryKind.HOLD_RELEASE, amount, holdId));
    }

    /** Out of a hold to a receiver (held −); the caller credits the receiver right after. */
    public void captureHold(final Account account, final Amount amount, final String holdId) {
        final BalanceRecord balance = settledRecord(account.id());
        state.write(Keys.balance(account.id()), balance.withHeld(lessHeld(account, balance, amount)));
        tx.journal().add(Entry.of(account.id(), account.asset(), EntryKind.HOLD_CAPTURE, amount, holdId));
    }

    /** The exact balance for queries: settled plus every pending credit. */
    public static Amount balance(final LedgerState state, final String accountId) {
        final List<Amount> pending = new ArrayList<>();
        state.scan(Keys.prefix(Keys.CREDIT, accountId), (key, value) -> pending.add(LedgerJson.read(value, Amount.class)));
        Amount total = settledRecord(state, accountId).settled();
        for (final Amount credit : pending) {
            total = total.plus(credit);
        }
        return total;
    }

    /**
     * The exact balances of accounts that are adjacent in key order (one page of the account listing), in that order,
     * read with one range read of their balance records ({@link LedgerState#readAdjacent}) and a chunked range read of
     * their pending credits instead of two reads per account. For queries only (paginated reads).
     */
    public static List<ExactBalance> ofAdjacent(final LedgerState state, final List<String> accountIds) {
        if (accountIds.isEmpty()) {
            return List.of();
        }
        final List<BalanceRecord> records = state.readAdjacent(Keys.BALANCE, accountIds, BalanceRecord.class);
        final Map<String, Amount> pending = PendingCredits.of(state, accountIds);
        final List<ExactBalance> balances = new ArrayList<>(accountIds.size());
        for (int i = 0; i < accountIds.size(); i++) {
            final String id = accountIds.get(i);
            final Amount credits = pending.getOrDefault(id, Amount.ZERO);
            balances.add(new ExactBalance(id, records.get(i).settled().plus(credits), records.get(i).held()));
        }
        return balances;
    }

    /** The sum of the account's open holds. */
    public static Amount held(final LedgerState state, final String accountId) {
        return settledRecord(state, accountId).held();
    }

    /**
     * Checks status, limits and funds (folding credits if needed) for a debit of {@code amount}: the account's balance
     * record after it, with the amount out of the settled balance and counted in the day's debits.
     */
    private BalanceRecord withdraw(final Account from, final Amount amount) {
        requireActive(from, "send");
        BalanceRecord balance = settledRecord(from.id());
        final Amount today = debitedToday(from, balance).plus(amount);
        checkLimits(from, amount, today);
        if (balance.settled().isLessThan(amount)) {
            balance = fold(from, balance, amount);
        }
        return balance.afterDebit(amount, tx.utcDay(), today);
    }

    /**
     * What the account has been debited today before this debit. A record written before the day's sum moved into it
     * does not know it: then the sum is where it used to be, under its own key (read once: the debit writes the record
     * in the new form), so a limit holds exactly across the upgrade.
     */
    private Amount debitedToday(final Account from, final BalanceRecord balance) {
        if (balance.knowsDebitDay()) {
            return balance.debitedOn(tx.utcDay());
        }
        return state.read(Keys.legacyDaily(from.id(), tx.utcDay()), Amount.class).orElse(Amount.ZERO);
    }

    /** Folds pending credits in key order into the settled balance, only as many as the amount needs. */
    private BalanceRecord fold(final Account from, final BalanceRecord balance, final Amount amount) {
        final Amount needed = amount.minus(balance.settled());
        final List<String> folded = new ArrayList<>();
        final Amount[] sum = {Amount.ZERO};
        state.scan(Keys.prefix(Keys.CREDIT, from.id()), (key, value) -> {
            folded.add(key);
            sum[0] = sum[0].plus(LedgerJson.read(value, Amount.class));
            return sum[0].isLessThan(needed);
        });
        if (sum[0].isLessThan(needed)) {
            throw new LedgerException(ErrorCode.INSUFFICIENT_FUNDS, "account " + from.id() + " has "
                    + balance.settled().plus(sum[0]) + " available, needs " + amount);
        }
        for (final String key : folded) {
            state.delete(key);
        }
        return balance.withSettled(balance.settled().plus(sum[0]));
    }

    /** Per-transfer and per-UTC-day debit limits; {@code today} is the day's debits including this one. */
    private void checkLimits(final Account from, final Amount amount, final Amount today) {
        final Limits limits = from.limits();
        if (limits != null && limits.perTransferMax() != null && amount.isGreaterThan(limits.perTransferMax())) {
            throw new LedgerException(ErrorCode.LIMIT_EXCEEDED, "debit " + amount + " from " + from.id()
                    + " exceeds its per-transfer limit " + limits.perTransferMax());
        }
        if (limits != null && limits.dailyDebitMax() != null && today.isGreaterThan(limits.dailyDebitMax())) {
            throw new LedgerException(ErrorCode.LIMIT_EXCEEDED, "debits of " + from.id() + " on " + tx.utcDay()
                    + " would reach " + today + ", above its daily limit " + limits.dailyDebitMax());
        }
    }

    private BalanceRecord settledRecord(final String accountId) {
        return settledRecord(state, accountId);
    }

    private static BalanceRecord settledRecord(final LedgerState state, final String accountId) {
        return state.read(Keys.balance(accountId), BalanceRecord.class).orElseThrow(() ->
                new IllegalStateException("account " + accountId + " has no balance record"));
    }

    private static Amount lessHeld(final Account account, final BalanceRecord balance, final Amount amount) {
        if (balance.held().isLessThan(amount)) {
            throw new IllegalStateException("account " + account.id() + " holds " + balance.held() + ", not "
                    + amount);
        }
        return balance.held().minus(amount);
    }

    private static void requireActive(final Account account, final String verb) {
        if (account.frozen()) {
            throw new LedgerException(ErrorCode.ACCOUNT_FROZEN, "account " + account.id() + " is frozen and cannot "
                    + verb);
        }
    }
}
