package io.ledgernode.chaincode.hold;

import io.ledgernode.api.Require;
import io.ledgernode.api.Transactions;
import io.ledgernode.api.hold.CaptureHoldRequest;
import io.ledgernode.api.hold.HoldRequest;
import io.ledgernode.api.hold.PlaceHoldRequest;
import io.ledgernode.chaincode.tx.LedgerContract;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * {@value Transactions#HOLDS}: {@code place}, {@code capture}, {@code void} (custodian only), {@code release} (anyone,
 * at or after expiry) and {@code get}. Results are {@code {"txId":..,"timestamp":..,"hold":{..},"entries":[..]}}.
 */
@Contract(name = Transactions.HOLDS, info = @Info(title = "Ledger holds", version = "1"))
public final class HoldsContract extends LedgerContract {

    /** {@code {"idempotencyKey":"k5","holdId":"h1","account":"alice","amount":"3000","expiresAt":"...","payee":"bob"}}. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String place(final Context ctx, final String request) {
        return idempotent(ctx, Transactions.HOLDS_PLACE, request, PlaceHoldRequest.class, LedgerContract::configured,
                (tx, parsed) -> new HoldBook(tx.state()).place(tx, parsed));
    }

    /** {@code {"idempotencyKey":"k6","holdId":"h1","to":"bob","amount":"2000"}}. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String capture(final Context ctx, final String request) {
        return idempotent(ctx, Transactions.HOLDS_CAPTURE, request, CaptureHoldRequest.class, LedgerContract::configured,
                (tx, parsed) -> new HoldBook(tx.state()).capture(tx, parsed));
    }

    /** {@code {"idempotencyKey":"v-1","holdId":"h1"}}: the whole amount returns to the account; the key may be left out. */
    @Transaction(name = "void", intent = Transaction.TYPE.SUBMIT)
    public String voidHold(final Context ctx, final String request) {
        return keyable(ctx, Transactions.HOLDS_VOID, request, HoldRequest.class, LedgerContract::configured,
                (tx, parsed) -> new HoldBook(tx.state()).voidHold(tx, parsed));
    }

    /**
     * {@code {"idempotencyKey":"r-1","holdId":"h1"}}: once the transaction time is at or after {@code expiresAt}; the
     * key may be left out.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String release(final Context ctx, final String request) {
        return keyable(ctx, Transactions.HOLDS_RELEASE, request, HoldRequest.class, LedgerContract::configured,
                (tx, parsed) -> new HoldBook(tx.state()).release(tx, parsed));
    }

    /** {@code "h1"} → the hold record. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String get(final Context ctx, final String holdId) {
        return query(ctx, tx -> new HoldBook(tx.state()).require(Require.holdId("holdId", holdId)));
    }
}
