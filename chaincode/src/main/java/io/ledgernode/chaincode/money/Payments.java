package io.ledgernode.chaincode.money;

import io.ledgernode.api.ErrorCode;
import io.ledgernode.api.LedgerException;
import io.ledgernode.api.account.Account;
import io.ledgernode.api.event.EventType;
import io.ledgernode.api.event.LedgerEvent;
import io.ledgernode.api.event.MoneyEvent;
import io.ledgernode.api.event.TransferredEvent;
import io.ledgernode.api.money.BurnRequest;
import io.ledgernode.api.money.EntryKind;
import io.ledgernode.api.money.MintRequest;
import io.ledgernode.api.money.MoneyResult;
import io.ledgernode.api.money.TransferLeg;
import io.ledgernode.chaincode.access.Access;
import io.ledgernode.chaincode.account.AccountBook;
import io.ledgernode.chaincode.asset.AssetBook;
import io.ledgernode.chaincode.balance.Balances;
import io.ledgernode.chaincode.tx.Tx;
import java.util.List;

/** Mint, burn and transfers of one transaction; the caller's issuer rights are checked by the contract. */
final class Payments {
    private final Tx tx;
    private final AccountBook accounts;
    private final AssetBook assets;
    private final Balances balances;

    Payments(final Tx tx) {
        this.tx = tx;
        this.accounts = new AccountBook(tx.state());
        this.assets = new AssetBook(tx.state());
        this.balances = new Balances(tx);
    }

    MoneyResult mint(final MintRequest request) {
        final Account account = accounts.require(request.account());
        assets.increaseSupply(account.asset(), request.amount());
        balances.credit(account, request.amount(), EntryKind.MINT);
        return finish(MoneyEvent.of(EventType.MINTED, tx.txId(), tx.timestamp(), tx.journal().entries(),
                request.idempotencyKey()));
    }

    /** Redemption: the issuer burns only from an account it is custodian of. */
    MoneyResult burn(final BurnRequest request) {
        final Account account = accounts.require(request.account());
        Access.requireCustodian(tx.caller(), account);
        balances.debit(account, request.amount(), EntryKind.BURN);
        assets.decreaseSupply(account.asset(), request.amount());
        return finish(MoneyEvent.of(EventType.BURNED, tx.txId(), tx.timestamp(), tx.journal().entries(),
                request.idempotencyKey()));
    }

    /** One or many legs, all or nothing, at most {@code batchLegsMax}. */
    MoneyResult transfer(final String idempotencyKey, final List<TransferLeg> legs) {
        final int max = tx.config().batchLegsMax();
        if (legs.size() > max) {
            throw new LedgerException(ErrorCode.BATCH_TOO_LARGE, legs.size() + " legs in one transaction, at most "
                    + max);
        }
        for (int i = 0; i < legs.size(); i++) {
            try {
                move(legs.get(i));
            } catch (final LedgerException e) {
                throw legs.size() == 1 ? e : new LedgerException(e.code(), "leg " + i + ": " + e.text());
            }
        }
        return finish(TransferredEvent.of(tx.txId(), tx.timestamp(), tx.journal().entries(), idempotencyKey, legs));
    }

    private void move(final TransferLeg leg) {
        if (leg.from().equals(leg.to())) {
            throw new LedgerException(ErrorCode.SAME_ACCOUNT, "a transfer from " + leg.from() + " to itself");
        }
        final Account from = accounts.require(leg.from());
        final Account to = accounts.require(leg.to());
        Access.requireCustodian(tx.caller(), from);
        if (!from.asset().equals(leg.asset()) || !to.asset().equals(leg.asset())) {
            throw new LedgerException(ErrorCode.ASSET_MISMATCH, leg.asset() + " from " + from.id() + " ("
                    + from.asset() + ") to " + to.id() + " (" + to.asset() + ")");
        }
        balances.debit(from, leg.amount(), EntryKind.DEBIT);
        balances.credit(to, leg.amount(), EntryKind.CREDIT);
    }

    private MoneyResult finish(final LedgerEvent event) {
        tx.emit(event);
        return MoneyResult.of(tx.txId(), tx.timestamp(), tx.journal().entries());
    }
}
