package io.ledgernode.chaincode.compliance;

import io.ledgernode.api.account.Account;
import io.ledgernode.api.account.AccountStatus;
import io.ledgernode.api.account.Limits;
import io.ledgernode.api.event.AccountEvent;
import io.ledgernode.api.event.EventType;
import io.ledgernode.chaincode.account.AccountBook;
import io.ledgernode.chaincode.tx.Tx;

/** Status and limits of accounts; the caller's compliance role is checked by the contract. */
final class AccountControls {
    private final Tx tx;
    private final AccountBook accounts;

    AccountControls(final Tx tx) {
        this.tx = tx;
        this.accounts = new AccountBook(tx.state());
    }

    Account freeze(final String accountId, final String reason) {
        return change(accounts.require(accountId).withStatus(AccountStatus.FROZEN), EventType.ACCOUNT_FROZEN, reason);
    }

    Account unfreeze(final String accountId) {
        return change(accounts.require(accountId).withStatus(AccountStatus.ACTIVE), EventType.ACCOUNT_UNFROZEN, null);
    }

    Account setLimits(final String accountId, final Limits limits) {
        return change(accounts.require(accountId).withLimits(limits), EventType.LIMITS_SET, null);
    }

    private Account change(final Account changed, final EventType type, final String reason) {
        accounts.save(changed);
        tx.emit(AccountEvent.of(type, tx.txId(), tx.timestamp(), changed, reason));
        return changed;
    }
}
