package io.ledgernode.chaincode.listing;

import io.ledgernode.api.ErrorCode;
import io.ledgernode.api.LedgerException;
import io.ledgernode.api.account.Account;
import io.ledgernode.api.listing.AccountLine;
import io.ledgernode.api.listing.AccountLinesPage;
import io.ledgernode.api.listing.HoldSummary;
import io.ledgernode.api.listing.ListRequest;
import io.ledgernode.chaincode.balance.Balances;
import io.ledgernode.chaincode.balance.ExactBalance;
import io.ledgernode.chaincode.state.Keys;
import io.ledgernode.chaincode.state.LedgerState;
import io.ledgernode.chaincode.state.RawPage;
import io.ledgernode.chaincode.tx.Tx;
import java.util.ArrayList;
import java.util.List;

/** {@code Accounts:list} and {@code Accounts:summary}: accounts as a reconciler compares them. */
public final class AccountListing {
    private final LedgerState state;

    public AccountListing(final LedgerState state) {
        this.state = state;
    }

    /** One page of accounts in id order, each with its exact balance, held sum and open-hold summary. */
    public AccountLinesPage page(final Tx tx, final ListRequest request) {
        final RawPage<Account> page = tx.page(Keys.prefix(Keys.ACCOUNT), request, Account.class);
        return AccountLinesPage.of(lines(page.records()), page.bookmark());
    }

    /** The line of one account; {@link ErrorCode#UNKNOWN_ACCOUNT} if there is none. */
    public AccountLine summary(final String id) {
        final Account account = state.read(Keys.account(id), Account.class).orElseThrow(() ->
                new LedgerException(ErrorCode.UNKNOWN_ACCOUNT, "account " + id + " does not exist"));
        return lines(List.of(account)).get(0);
    }

    private List<AccountLine> lines(final List<Account> accounts) {
        final List<String> ids = new ArrayList<>(accounts.size());
        for (final Account account : accounts) {
            ids.add(account.id());
        }
        final List<ExactBalance> balances = Balances.ofAdjacent(state, ids);
        final List<HoldSummary> holds = OpenHoldSummaries.of(state, ids);
        final List<AccountLine> lines = new ArrayList<>(accounts.size());
        for (int i = 0; i < accounts.size(); i++) {
            final Account account = accounts.get(i);
            lines.add(AccountLine.of(account.id(), account.asset(), account.jurisdiction(), account.status(),
                    balances.get(i).balance(), balances.get(i).held(), holds.get(i)));
        }
        return lines;
    }
}
