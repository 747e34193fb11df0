package io.ledgernode.chaincode.account;

import io.ledgernode.api.ErrorCode;
import io.ledgernode.api.LedgerException;
import io.ledgernode.api.account.Account;
import io.ledgernode.api.account.AccountStatus;
import io.ledgernode.api.account.AccountView;
import io.ledgernode.api.account.HistoryEntry;
import io.ledgernode.api.account.HistoryPage;
import io.ledgernode.api.account.HoldsPage;
import io.ledgernode.api.account.OpenAccountRequest;
import io.ledgernode.api.account.PageRequest;
import io.ledgernode.api.event.AccountsOpenedEvent;
import io.ledgernode.api.hold.Hold;
import io.ledgernode.chaincode.asset.AssetBook;
import io.ledgernode.chaincode.balance.Balances;
import io.ledgernode.chaincode.state.Keys;
import io.ledgernode.chaincode.state.LedgerState;
import io.ledgernode.chaincode.state.RawPage;
import io.ledgernode.chaincode.tx.Tx;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Account records: opening, finding, saving, and the paginated views of one account. */
public final class AccountBook {
    private final LedgerState state;

    public AccountBook(final LedgerState state) {
        this.state = state;
    }

    /** The account; {@link ErrorCode#UNKNOWN_ACCOUNT} if there is none. */
    public Account require(final String id) {
        return state.read(Keys.account(id), Account.class).orElseThrow(() ->
                new LedgerException(ErrorCode.UNKNOWN_ACCOUNT, "account " + id + " does not exist"));
    }

    /** Writes a changed account record. */
    public void save(final Account account) {
        state.write(Keys.account(account.id()), account);
    }

    /**
     * Opens accounts, all or nothing, at most {@code bulkOpenMax}; the caller's org becomes their custodian. The
     * request already rejected duplicate ids.
     */
    List<Account> open(final Tx tx, final List<OpenAccountRequest> requests) {
        final int max = tx.config().bulkOpenMax();
        if (requests.size() > max) {
            throw new LedgerException(ErrorCode.BATCH_TOO_LARGE, requests.size() + " accounts in one transaction, at"
                    + " most " + max);
        }
        final AssetBook assets = new AssetBook(state);
        final Balances balances = new Balances(tx);
        final Set<String> knownAssets = new HashSet<>();
        final List<Account> opened = new ArrayList<>(requests.size());
        for (final OpenAccountRequest request : requests) {
            if (knownAssets.add(request.asset())) {
                assets.require(request.asset());
            }
            if (state.exists(Keys.account(request.id()))) {
                throw new LedgerException(ErrorCode.ACCOUNT_EXISTS, "account " + request.id() + " already exists");
            }
            final Account account = Account.of(request.id(), request.asset(), request.ownerRef(),
                    request.jurisdiction(), tx.caller().mspId(), AccountStatus.ACTIVE, null, tx.timestamp());
            save(account);
            balances.open(account.id());
            opened.add(account);
        }
        tx.emit(AccountsOpenedEvent.of(tx.txId(), tx.timestamp(), opened));
        return opened;
    }

    /** The record with its exact balance and held sum. */
    AccountView view(final String id) {
        final Account account = require(id);
        return AccountView.of(account, Balances.balance(state, id), Balances.held(state, id));
    }

    /** A page of the account's history, oldest first. */
    HistoryPage history(final Tx tx, final PageRequest request) {
        require(request.account());
        final RawPage<HistoryEntry> page = tx.page(Keys.prefix(Keys.ENTRY, request.account()), request,
                HistoryEntry.class);
        return HistoryPage.of(page.records(), page.bookmark());
    }

    /** A page of the account's open holds, in hold-id order. */
    HoldsPage holds(final Tx tx, final PageRequest request) {
        require(request.account());
        final RawPage<String> page = tx.page(Keys.prefix(Keys.OPEN_HOLD, request.account()), request,
                String.class);
        final List<Hold> holds = new ArrayList<>(page.records().size());
        for (final String holdId : page.records()) {
            holds.add(state.read(Keys.hold(holdId), Hold.class).orElseThrow(() ->
                    new IllegalStateException("open hold index names missing hold " + holdId)));
        }
        return HoldsPage.of(holds, page.bookmark());
    }
}
