package io.ledgernode.chaincode.money;

import io.ledgernode.api.ErrorCode;
import io.ledgernode.api.LedgerException;
import io.ledgernode.api.LedgerJson;
import io.ledgernode.api.Transactions;
import io.ledgernode.api.account.Account;
import io.ledgernode.api.event.EventType;
import io.ledgernode.api.event.LedgerEvent;
import io.ledgernode.api.event.MoneyEvent;
import io.ledgernode.api.event.PackedTransfer;
import io.ledgernode.api.event.TransfersPackedEvent;
import io.ledgernode.api.event.TransferredEvent;
import io.ledgernode.api.money.BurnRequest;
import io.ledgernode.api.money.EntryKind;
import io.ledgernode.api.money.MintRequest;
import io.ledgernode.api.money.MoneyResult;
import io.ledgernode.api.money.PackedOutcome;
import io.ledgernode.api.money.TransferPackRequest;
import io.ledgernode.api.money.TransferPackResult;
import io.ledgernode.api.money.TransferRequest;
import io.ledgernode.api.money.TransferLeg;
import io.ledgernode.chaincode.access.Access;
import io.ledgernode.chaincode.account.AccountBook;
import io.ledgernode.chaincode.asset.AssetBook;
import io.ledgernode.chaincode.balance.Balances;
import io.ledgernode.chaincode.state.Keys;
import io.ledgernode.chaincode.tx.Idempotency;
import io.ledgernode.chaincode.tx.Tx;
import java.util.ArrayList;
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

    /**
     * The keys moving the legs reads: both accounts of each leg and each sender's balance record, to be read in one
     * message ({@link io.ledgernode.chaincode.state.LedgerState#prefetch}). A transaction that commits reads every one
     * of them anyway; one refused before reaching a leg's balance is never committed, so reading it early costs nothing.
     */
    static List<String> reads(final List<TransferLeg> legs) {
        final List<String> keys = new ArrayList<>(legs.size() * 3);
        for (final TransferLeg leg : legs) {
            keys.add(Keys.account(leg.from()));
            keys.add(Keys.account(leg.to()));
            keys.add(Keys.balance(leg.from()));
        }
        return keys;
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

    /**
     * One transfer ({@code Money:transfer}), without reading the configuration, which it does not need: one leg is
     * always within {@code batchLegsMax} (at least 1), and the configuration is set once and never changes, so there is
     * no update to conflict with. An unconfigured ledger still answers {@link ErrorCode#NOT_CONFIGURED}: it has no
     * account (opening one needs the configuration), so the configuration is read only when an account is missing.
     */
    MoneyResult single(final String idempotencyKey, final TransferLeg leg) {
        try {
            move(leg);
        } catch (final LedgerException e) {
            if (e.code() == ErrorCode.UNKNOWN_ACCOUNT) {
                tx.config();
            }
            throw e;
        }
        return finish(TransferredEvent.of(tx.txId(), tx.timestamp(), tx.journal().entries(), idempotencyKey,
                List.of(leg)));
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
                // Legs are numbered from 1, in the order the request lists them, as every document says.
                throw legs.size() == 1 ? e : new LedgerException(e.code(), "leg " + (i + 1) + " of " + legs.size() + ": "
                        + e.text());
            }
        }
        return finish(TransferredEvent.of(tx.txId(), tx.timestamp(), tx.journal().entries(), idempotencyKey, legs));
    }

    /**
     * Independent single transfers in one transaction, at most {@code batchLegsMax}: each runs exactly as
     * {@code Money:transfer} would (its own idempotency record, so a retry of it alone replays its result), and one
     * that is refused leaves no write behind while the others stand. One {@code TRANSFERS_PACKED} event carries the
     * items that moved money; when none did, nothing is written and no event is emitted.
     */
    TransferPackResult pack(final TransferPackRequest request) {
        final int max = tx.config().batchLegsMax();
        if (request.items().size() > max) {
            throw new LedgerException(ErrorCode.BATCH_TOO_LARGE, request.items().size()
                    + " transfers in one pack, at most " + max);
        }
        final List<String> reads = new ArrayList<>(request.items().size() * 4);
        for (final TransferRequest item : request.items()) {
            reads.add(Idempotency.recordKey(tx, item.idempotencyKey()));
            reads.addAll(reads(List.of(item.leg())));
        }
        tx.state().prefetch(reads);
        final List<PackedOutcome> outcomes = new ArrayList<>(request.items().size());
        final List<PackedTransfer> applied = new ArrayList<>();
        for (final TransferRequest item : request.items()) {
            final Tx.Savepoint before = tx.savepoint();
            try {
                final MoneyResult result = LedgerJson.read(Idempotency.run(tx, Transactions.MONEY_TRANSFER,
                        item.idempotencyKey(), item, () -> packedTransfer(item, before)), MoneyResult.class);
                outcomes.add(PackedOutcome.done(item.idempotencyKey(), result));
                if (tx.journal().size() > before.journalSize()) {
                    applied.add(PackedTransfer.of(item.idempotencyKey(), List.of(item.leg()),
                            tx.journal().entriesFrom(before.journalSize())));
                }
            } catch (final LedgerException e) {
                tx.rollback(before);
                outcomes.add(PackedOutcome.refused(item.idempotencyKey(), e.payload()));
            }
        }
        if (!applied.isEmpty()) {
            tx.emit(TransfersPackedEvent.of(tx.txId(), tx.timestamp(), tx.journal().entries(), applied));
        }
        return TransferPackResult.of(outcomes);
    }

    /** One item of a pack: its move, answered with its own entries only, as it would be alone. */
    private MoneyResult packedTransfer(final TransferRequest item, final Tx.Savepoint before) {
        move(item.leg());
        return MoneyResult.of(tx.txId(), tx.timestamp(), tx.journal().entriesFrom(before.journalSize()));
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
