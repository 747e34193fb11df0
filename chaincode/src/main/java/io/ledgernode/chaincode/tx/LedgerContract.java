package io.ledgernode.chaincode.tx;

import io.ledgernode.api.ErrorCode;
import io.ledgernode.api.IdempotentRequest;
import io.ledgernode.api.KeyableRequest;
import io.ledgernode.api.LedgerException;
import io.ledgernode.api.LedgerJson;
import io.ledgernode.chaincode.access.Access;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.shim.ChaincodeException;

/**
 * The base of every contract. Before each transaction it checks the transaction time against the peer's clock; it
 * runs each transaction in a {@link Tx}, turns every {@link LedgerException} into a {@link ChaincodeException} with
 * message {@code CODE: text} and payload {@code {"code":..,"message":..}}, and asserts that an update changed state
 * exactly when it emitted its one event. Each outcome is logged as one {@link TxLog} line, without request data.
 */
public abstract class LedgerContract implements ContractInterface {
    /**
     * The process's guard from the environment, as the contract router builds every contract (with the no-argument
     * constructor); tests replace it once, before the first transaction, with {@link #withTimeGuard}. Volatile so the
     * replacement is seen by whichever thread runs the transaction.
     */
    private volatile TxTimeGuard timeGuard = TxTimeGuard.system();

    /** For tests: this contract, checking transaction times with a guard of a chosen clock and tolerance. */
    public final LedgerContract withTimeGuard(final TxTimeGuard guard) {
        this.timeGuard = Objects.requireNonNull(guard, "timeGuard");
        return this;
    }

    @Override
    public final void beforeTransaction(final Context ctx) {
        try {
            timeGuard.check(ctx.getStub().getTxTimestamp());
        } catch (final LedgerException e) {
            throw rejection(ctx, e);
        }
    }

    @Override
    public final void unknownTransaction(final Context ctx) {
        throw rejection(ctx, new LedgerException(ErrorCode.INVALID_ARGUMENT,
                "unknown transaction " + ctx.getStub().getFunction()));
    }

    /** Runs a state-changing transaction; the body returns the result JSON. */
    protected final String update(final Context ctx, final Function<Tx, String> body) {
        return run(ctx, body, tx -> {
            if (tx.state().changed() != tx.emitted()) {
                throw new IllegalStateException("a transaction must emit exactly one event if and only if it changes"
                        + " state (changed=" + tx.state().changed() + ", emitted=" + tx.emitted() + ")");
            }
        });
    }

    /**
     * Runs a state-changing transaction on a JSON request: the request read with the interface's strict mapping, then
     * {@code guard} (who may call, whether the ledger is configured), then the body, whose result object is answered.
     */
    protected final <R> String update(final Context ctx, final String request, final Class<R> type,
            final Consumer<Tx> guard, final BiFunction<Tx, R, Object> body) {
        return update(ctx, tx -> {
            final R parsed = LedgerJson.read(request, type);
            guard.accept(tx);
            return json(body.apply(tx, parsed));
        });
    }

    /**
     * Runs an idempotent money or hold request as {@link #update(Context, String, Class, Consumer, BiFunction)} does,
     * the guard before the replay check (a replay is refused to whom the request would be), the body only when the
     * key is new ({@link Idempotency#run}).
     */
    protected final <R extends IdempotentRequest> String idempotent(final Context ctx, final String transaction,
            final String request, final Class<R> type, final Consumer<Tx> guard, final BiFunction<Tx, R, Object> body) {
        return idempotent(ctx, transaction, request, type, guard, (tx, parsed) -> List.of(), body);
    }

    /**
     * As {@link #idempotent(Context, String, String, Class, Consumer, BiFunction)}, reading the idempotency record and
     * the keys {@code reads} names for the request in one message to the peer (where it takes batches) instead of one
     * each: for the most frequent transactions, whose keys follow from the request alone. Name only keys the body
     * reads when it commits (each joins the transaction's read set), and none for a request the body will refuse for
     * its size.
     */
    protected final <R extends IdempotentRequest> String idempotent(final Context ctx, final String transaction,
            final String request, final Class<R> type, final Consumer<Tx> guard,
            final BiFunction<Tx, R, List<String>> reads, final BiFunction<Tx, R, Object> body) {
        return update(ctx, tx -> {
            final R parsed = LedgerJson.read(request, type);
            guard.accept(tx);
            final List<String> keys = new ArrayList<>(reads.apply(tx, parsed));
            keys.add(0, Idempotency.recordKey(tx, parsed.idempotencyKey()));
            tx.state().prefetch(keys);
            return Idempotency.run(tx, transaction, parsed.idempotencyKey(), parsed, () -> body.apply(tx, parsed));
        });
    }

    /**
     * Runs an administrative request as {@link #idempotent} does when it names a key (the node always names one), and
     * as {@link #update(Context, String, Class, Consumer, BiFunction)} does when it does not (the peer CLI may leave
     * it out). {@code transaction} is the full name the key is recorded under, e.g. {@code Accounts:open}.
     */
    protected final <R extends KeyableRequest> String keyable(final Context ctx, final String transaction,
            final String request, final Class<R> type, final Consumer<Tx> guard, final BiFunction<Tx, R, Object> body) {
        return update(ctx, tx -> {
            final R parsed = LedgerJson.read(request, type);
            guard.accept(tx);
            final Optional<String> key = parsed.idempotencyKey();
            return key.isPresent()
                    ? Idempotency.run(tx, transaction, key.get(), parsed, () -> body.apply(tx, parsed))
                    : json(body.apply(tx, parsed));
        });
    }

    /** The guard of a request anyone may send once the ledger is configured (NOT_CONFIGURED before). */
    protected static void configured(final Tx tx) {
        tx.config();
    }

    /** The guard of the issuer org's requests. */
    protected static void issuer(final Tx tx) {
        Access.requireIssuer(tx.caller(), tx.config());
    }

    /** The guard of the compliance role's requests. */
    protected static void compliance(final Tx tx) {
        Access.requireCompliance(tx.caller(), tx.config());
    }

    /** Runs a query; the body returns the result object. */
    protected final String query(final Context ctx, final Function<Tx, Object> body) {
        return run(ctx, tx -> json(body.apply(tx)), tx -> {
            if (tx.state().changed() || tx.emitted()) {
                throw new IllegalStateException("a query must not change state or emit events");
            }
        });
    }

    /**
     * Runs a body in a new {@link Tx}, then {@code after} (the assertion on what the body did to state and events),
     * and logs the outcome: a {@link LedgerException} becomes the coded rejection, any other failure is logged as a
     * fault and rethrown.
     */
    private static String run(final Context ctx, final Function<Tx, String> body, final Consumer<Tx> after) {
        try {
            final Tx tx = Tx.of(ctx);
            final String result = body.apply(tx);
            after.accept(tx);
            tx.state().flush();
            TxLog.outcome(ctx.getStub(), "OK");
            return result;
        } catch (final LedgerException e) {
            throw rejection(ctx, e);
        } catch (final RuntimeException e) {
            TxLog.fault(ctx.getStub(), e);
            throw e;
        }
    }

    /** The JSON of a result object. */
    protected static String json(final Object result) {
        return LedgerJson.writeString(result);
    }

    private static ChaincodeException rejection(final Context ctx, final LedgerException e) {
        TxLog.outcome(ctx.getStub(), e.code().name());
        return new Rejection(e.getMessage(), LedgerJson.write(e.payload()));
    }
}
