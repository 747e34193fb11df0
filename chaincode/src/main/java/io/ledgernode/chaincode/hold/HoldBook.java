package io.ledgernode.chaincode.hold;

import io.ledgernode.api.Amount;
import io.ledgernode.api.ErrorCode;
import io.ledgernode.api.Instants;
import io.ledgernode.api.LedgerException;
import io.ledgernode.api.Require;
import io.ledgernode.api.account.Account;
import io.ledgernode.api.event.EventType;
import io.ledgernode.api.event.HoldEvent;
import io.ledgernode.api.hold.CaptureHoldRequest;
import io.ledgernode.api.hold.Hold;
import io.ledgernode.api.hold.HoldRequest;
import io.ledgernode.api.hold.HoldResult;
import io.ledgernode.api.hold.HoldStatus;
import io.ledgernode.api.hold.PlaceHoldRequest;
import io.ledgernode.api.money.EntryKind;
import io.ledgernode.chaincode.access.Access;
import io.ledgernode.chaincode.account.AccountBook;
import io.ledgernode.chaincode.balance.Balances;
import io.ledgernode.chaincode.state.Keys;
import io.ledgernode.chaincode.state.LedgerState;
import io.ledgernode.chaincode.tx.Tx;
import java.time.Instant;
import java.util.Locale;

/** The hold transactions. Expiry is judged by the transaction time only, which the time guard keeps honest. */
final class HoldBook {
    private final LedgerState state;
    private final AccountBook accounts;

    HoldBook(final LedgerState state) {
        this.state = state;
        this.accounts = new AccountBook(state);
    }

    HoldResult place(final Tx tx, final PlaceHoldRequest request) {
        if (state.exists(Keys.hold(request.holdId()))) {
            throw new LedgerException(ErrorCode.HOLD_EXISTS, "hold " + request.holdId() + " already exists");
        }
        final Account account = accounts.require(request.account());
        Access.requireCustodian(tx.caller(), account);
        if (!Instants.parse("expiresAt", request.expiresAt()).isAfter(tx.time())) {
            throw Require.invalid("expiresAt " + request.expiresAt() + " is not after the transaction time "
                    + tx.timestamp());
        }
        if (request.payee() != null) {
            requireReceiver(account, accounts.require(request.payee()));
        }
        new Balances(tx).hold(account, request.amount(), request.holdId());
        final Hold hold = Hold.open(request.holdId(), account.id(), account.asset(), request.amount(),
                request.payee(), request.expiresAt(), tx.timestamp());
        state.write(Keys.hold(hold.id()), hold);
        state.write(Keys.openHold(account.id(), hold.id()), hold.id());
        return finish(tx, EventType.HOLD_PLACED, request.idempotencyKey(), hold);
    }

    HoldResult capture(final Tx tx, final CaptureHoldRequest request) {
        final Hold hold = requireOpen(request.holdId());
        final Account account = accounts.require(hold.account());
        Access.requireCustodian(tx.caller(), account);
        if (!tx.time().isBefore(expiry(hold))) {
            throw new LedgerException(ErrorCode.HOLD_EXPIRED, "hold " + hold.id() + " expired at "
                    + hold.expiresAt());
        }
        if (request.amount().isGreaterThan(hold.amount())) {
            throw new LedgerException(ErrorCode.INVALID_AMOUNT, "capture " + request.amount() + " is more than the "
                    + hold.amount() + " held by " + hold.id());
        }
        if (hold.payee() != null && !hold.payee().equals(request.to())) {
            throw Require.invalid("hold " + hold.id() + " may only be captured to its payee " + hold.payee());
        }
        final Account to = accounts.require(request.to());
        requireReceiver(account, to);
        if (account.frozen()) {
            throw new LedgerException(ErrorCode.ACCOUNT_FROZEN, "account " + account.id() + " is frozen and cannot"
                    + " send");
        }
        final Balances balances = new Balances(tx);
        balances.captureHold(account, request.amount(), hold.id());
        balances.credit(to, request.amount(), EntryKind.CREDIT);
        final Amount rest = hold.amount().minus(request.amount());
        if (!rest.isZero()) {
            balances.releaseHold(account, rest, hold.id());
        }
        return close(tx, hold.captured(tx.timestamp(), request.amount(), to.id()), EventType.HOLD_CAPTURED,
                request.idempotencyKey());
    }

    HoldResult voidHold(final Tx tx, final HoldRequest request) {
        final Hold hold = requireOpen(request.holdId());
        final Account account = accounts.require(hold.account());
        Access.requireCustodian(tx.caller(), account);
        new Balances(tx).releaseHold(account, hold.amount(), hold.id());
        return close(tx, hold.returned(HoldStatus.VOIDED, tx.timestamp()), EventType.HOLD_VOIDED,
                request.idempotencyKey().orElse(null));
    }

    HoldResult release(final Tx tx, final HoldRequest request) {
        final Hold hold = requireOpen(request.holdId());
        if (tx.time().isBefore(expiry(hold))) {
            throw new LedgerException(ErrorCode.HOLD_NOT_EXPIRED, "hold " + hold.id() + " expires at "
                    + hold.expiresAt() + ", after the transaction time " + tx.timestamp());
        }
        final Account account = accounts.require(hold.account());
        new Balances(tx).releaseHold(account, hold.amount(), hold.id());
        return close(tx, hold.returned(HoldStatus.RELEASED, tx.timestamp()), EventType.HOLD_RELEASED,
                request.idempotencyKey().orElse(null));
    }

    /** The hold; {@link ErrorCode#UNKNOWN_HOLD} if there is none. */
    Hold require(final String holdId) {
        return state.read(Keys.hold(holdId), Hold.class).orElseThrow(() ->
                new LedgerException(ErrorCode.UNKNOWN_HOLD, "hold " + holdId + " does not exist"));
    }

    private Hold requireOpen(final String holdId) {
        final Hold hold = require(holdId);
        if (hold.status() != HoldStatus.OPEN) {
            throw new LedgerException(ErrorCode.HOLD_NOT_OPEN, "hold " + holdId + " is already "
                    + hold.status().name().toLowerCase(Locale.ROOT));
        }
        return hold;
    }

    /** A receiver of the hold's money: another account of the same asset. */
    private static void requireReceiver(final Account account, final Account receiver) {
        if (receiver.id().equals(account.id())) {
            throw new LedgerException(ErrorCode.SAME_ACCOUNT, "hold of " + account.id() + " cannot pay itself");
        }
        if (!receiver.asset().equals(account.asset())) {
            throw new LedgerException(ErrorCode.ASSET_MISMATCH, "hold of " + account.id() + " (" + account.asset()
                    + ") cannot pay " + receiver.id() + " (" + receiver.asset() + ")");
        }
    }

    private HoldResult close(final Tx tx, final Hold closed, final EventType type, final String idempotencyKey) {
        state.write(Keys.hold(closed.id()), closed);
        state.delete(Keys.openHold(closed.account(), closed.id()));
        return finish(tx, type, idempotencyKey, closed);
    }

    private static HoldResult finish(final Tx tx, final EventType type, final String idempotencyKey,
            final Hold hold) {
        tx.emit(HoldEvent.of(type, tx.txId(), tx.timestamp(), tx.journal().entries(), idempotencyKey, hold));
        return HoldResult.of(tx.txId(), tx.timestamp(), hold, tx.journal().entries());
    }

    private static Instant expiry(final Hold hold) {
        return Instants.parse("expiresAt", hold.expiresAt());
    }
}
