package io.ledgernode.chaincode.account;

import io.ledgernode.api.LedgerJson;
import io.ledgernode.api.Require;
import io.ledgernode.api.Transactions;
import io.ledgernode.api.account.Account;
import io.ledgernode.api.account.ConsolidateCreditsRequest;
import io.ledgernode.api.account.OpenAccountRequest;
import io.ledgernode.api.account.OpenAccountsRequest;
import io.ledgernode.api.account.OpenAccountsResult;
import io.ledgernode.api.account.PageRequest;
import io.ledgernode.api.account.PendingCreditsRequest;
import io.ledgernode.api.listing.ListRequest;
import io.ledgernode.chaincode.access.Access;
import io.ledgernode.chaincode.balance.CreditConsolidation;
import io.ledgernode.chaincode.listing.AccountListing;
import io.ledgernode.chaincode.tx.LedgerContract;
import java.util.List;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * {@value Transactions#ACCOUNTS}: {@code open} and {@code openMany} (any org; it becomes the custodian), {@code get},
 * {@code holds} and {@code history}; for reconciliation {@code list} (every account, paged) and {@code summary}; and
 * for bounded balance reads {@code pendingCredits} and {@code consolidateCredits} (the custodian org).
 */
@Contract(name = Transactions.ACCOUNTS, info = @Info(title = "Ledger accounts", version = "1"))
public final class AccountsContract extends LedgerContract {

    /**
     * {@code {"idempotencyKey":"o-1","id":"alice","asset":"USD","ownerRef":"cust-7f3a","jurisdiction":"DE"}} → the
     * account record; the key may be left out.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String open(final Context ctx, final String request) {
        return keyable(ctx, Transactions.ACCOUNTS_OPEN, request, OpenAccountRequest.class, tx -> { },
                (tx, parsed) -> new AccountBook(tx.state()).open(tx, List.of(parsed)).get(0));
    }

    /** {@code {"idempotencyKey":"ob-1","accounts":[...]}} → {@code {"accounts":[records]}}, all or nothing. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String openMany(final Context ctx, final String request) {
        return keyable(ctx, Transactions.ACCOUNTS_OPEN_MANY, request, OpenAccountsRequest.class, tx -> { },
                (tx, parsed) -> OpenAccountsResult.of(new AccountBook(tx.state()).open(tx, parsed.accounts())));
    }

    /** {@code "alice"} → the account with its exact balance and held sum. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String get(final Context ctx, final String id) {
        return query(ctx, tx -> new AccountBook(tx.state()).view(Require.accountId("account", id)));
    }

    /** {@code {"account":"alice","pageSize":50,"bookmark":""}} → a page of open holds. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String holds(final Context ctx, final String request) {
        return query(ctx, tx -> new AccountBook(tx.state()).holds(tx, LedgerJson.read(request, PageRequest.class)));
    }

    /**
     * {@code {"pageSize":100,"bookmark":""}} → a page of every account in id order with its exact balance, held sum
     * and open-hold summary (what a reconciler compares with its mirror).
     */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String list(final Context ctx, final String request) {
        return query(ctx, tx -> new AccountListing(tx.state()).page(tx, LedgerJson.read(request, ListRequest.class)));
    }

    /** {@code "alice"} → the account as {@code list} shows it, for rechecking one account alone. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String summary(final Context ctx, final String id) {
        return query(ctx, tx -> new AccountListing(tx.state()).summary(Require.accountId("account", id)));
    }

    /** {@code {"account":"alice","pageSize":50,"bookmark":""}} → a page of history, oldest first. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String history(final Context ctx, final String request) {
        return query(ctx, tx -> new AccountBook(tx.state()).history(tx, LedgerJson.read(request, PageRequest.class)));
    }

    /**
     * {@code {"account":"merchant-1","limit":500}} → the account's first pending credits, their sum and whether there
     * are more: what {@code consolidateCredits} takes.
     */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String pendingCredits(final Context ctx, final String request) {
        return query(ctx, tx -> {
            final PendingCreditsRequest parsed = LedgerJson.read(request, PendingCreditsRequest.class);
            new AccountBook(tx.state()).require(parsed.account());
            return new CreditConsolidation(tx.state()).pending(parsed.account(), parsed.limit());
        });
    }

    /**
     * {@code {"account":"merchant-1","credits":[{"index":0,"txId":".."}]}} → how many of the named pending credits
     * were folded into the settled balance and their sum. Only the account's custodian org may consolidate: it is the
     * org that debits the account, and one org's node doing it keeps two nodes from racing each other.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String consolidateCredits(final Context ctx, final String request) {
        return update(ctx, request, ConsolidateCreditsRequest.class, LedgerContract::configured, (tx, parsed) -> {
            final Account account = new AccountBook(tx.state()).require(parsed.account());
            Access.requireCustodian(tx.caller(), account);
            return new CreditConsolidation(tx.state()).consolidate(tx, account, parsed.credits());
        });
    }
}
