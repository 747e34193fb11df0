package io.ledgernode.chaincode.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.ledgernode.chaincode.account.AccountsContract;
import io.ledgernode.chaincode.asset.AssetsContract;
import io.ledgernode.chaincode.compliance.ComplianceContract;
import io.ledgernode.chaincode.governance.GovernanceContract;
import io.ledgernode.chaincode.hold.HoldsContract;
import io.ledgernode.chaincode.money.MoneyContract;
import io.ledgernode.chaincode.tx.LedgerContract;
import io.ledgernode.chaincode.tx.TxTimeGuard;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeException;

/**
 * Runs transactions against the contracts as the contract router does (context, {@code beforeTransaction}, the
 * {@code @Transaction} method found by its {@code Contract:function} name), on a {@link FakeLedger}, with a peer clock
 * the test controls. Transaction ids are deterministic, so two harnesses given the same calls produce the same bytes.
 */
public final class LedgerHarness {
    public static final Instant START = Instant.parse("2026-11-22T10:15:30.123Z");

    private final FakeLedger ledger = new FakeLedger();
    private final MutableClock clock = new MutableClock(START);
    private final Map<String, Route> routes = new HashMap<>();
    private final List<Outcome> committed = new ArrayList<>();
    private long txCounter;

    public LedgerHarness() {
        this(TxTimeGuard.TOLERANCE_DEFAULT);
    }

    public LedgerHarness(final Duration tolerance) {
        final TxTimeGuard guard = TxTimeGuard.of(clock, tolerance);
        for (final LedgerContract contract : List.of(new GovernanceContract(), new AssetsContract(),
                new AccountsContract(), new MoneyContract(), new HoldsContract(), new ComplianceContract())) {
            register(contract.withTimeGuard(guard));
        }
    }

    public FakeLedger ledger() {
        return ledger;
    }

    /** Every transaction committed through this harness, in commit order. */
    public List<Outcome> committed() {
        return Collections.unmodifiableList(committed);
    }

    public MutableClock clock() {
        return clock;
    }

    /** Simulates and commits at the peer's current time. */
    public Outcome submit(final TestIdentity caller, final String transaction, final String argument) {
        return submitAt(caller, transaction, argument, clock.instant());
    }

    /** Simulates and commits with a chosen transaction timestamp (clients choose it; the peer checks it). */
    public Outcome submitAt(final TestIdentity caller, final String transaction, final String argument,
            final Instant txTime) {
        final Outcome simulated = simulateAt(caller, transaction, argument, txTime);
        if (!simulated.success()) {
            return simulated;
        }
        final Outcome outcome = new Outcome(true, null, simulated.payload().getBytes(UTF_8), simulated.stub(),
                ledger.commit(simulated.stub()));
        if (outcome.validation() == FakeLedger.Validation.VALID) {
            committed.add(outcome);
        }
        return outcome;
    }

    /** Simulates (endorses) without committing, at the peer's current time. */
    public Outcome simulate(final TestIdentity caller, final String transaction, final String argument) {
        return simulateAt(caller, transaction, argument, clock.instant());
    }

    /** Evaluates a query (never committed). */
    public Outcome evaluate(final TestIdentity caller, final String transaction, final String argument) {
        return simulate(caller, transaction, argument);
    }

    private Outcome simulateAt(final TestIdentity caller, final String transaction, final String argument,
            final Instant txTime) {
        final Route route = routes.get(transaction);
        if (route == null) {
            throw new AssertionError("no contract serves " + transaction);
        }
        final FakeStub stub = ledger.simulate(nextTxId(), txTime, caller.creator(),
                List.of(transaction.getBytes(UTF_8), argument.getBytes(UTF_8)));
        final Context ctx = route.contract.createContext(stub);
        try {
            route.contract.beforeTransaction(ctx);
            final String result = (String) route.method.invoke(route.contract, ctx, argument);
            assertClosed(stub);
            return new Outcome(true, null, result.getBytes(UTF_8), stub, null);
        } catch (final ChaincodeException e) {
            return new Outcome(false, e.getMessage(), e.getPayload(), stub, null);
        } catch (final InvocationTargetException e) {
            if (e.getCause() instanceof ChaincodeException) {
                final ChaincodeException rejection = (ChaincodeException) e.getCause();
                assertClosed(stub);
                return new Outcome(false, rejection.getMessage(), rejection.getPayload(), stub, null);
            }
            throw new AssertionError(transaction + " failed with an uncoded exception", e.getCause());
        } catch (final IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertClosed(final FakeStub stub) {
        if (!stub.allIteratorsClosed()) {
            throw new AssertionError("a transaction left an iterator open");
        }
    }

    private String nextTxId() {
        txCounter++;
        try {
            final byte[] hash = MessageDigest.getInstance("SHA-256").digest(("tx-" + txCounter).getBytes(UTF_8));
            final StringBuilder hex = new StringBuilder();
            for (final byte b : hash) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void register(final LedgerContract contract) {
        final String name = contract.getClass().getAnnotation(Contract.class).name();
        for (final Method method : contract.getClass().getMethods()) {
            final Transaction annotation = method.getAnnotation(Transaction.class);
            if (annotation != null) {
                final String function = annotation.name().isEmpty() ? method.getName() : annotation.name();
                routes.put(name + ":" + function, new Route(contract, method));
            }
        }
    }

    private static final class Route {
        final LedgerContract contract;
        final Method method;

        Route(final LedgerContract contract, final Method method) {
            this.contract = contract;
            this.method = method;
        }
    }
}
