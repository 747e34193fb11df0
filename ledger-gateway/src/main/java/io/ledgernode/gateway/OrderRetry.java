package io.ledgernode.gateway;

import io.grpc.Status;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.hyperledger.fabric.client.SubmitException;

/**
 * When an endorsed transaction the ordering service did not take is handed to it again, and for how long. While a
 * Raft ordering service elects a new leader (seconds, after its leader's host is lost) or a BFT one changes its view,
 * every orderer answers that it cannot take transactions now ({@code UNAVAILABLE}), or the gateway's submit times out
 * ({@code DEADLINE_EXCEEDED}). Submitting the same signed transaction again is safe whatever happened to the first
 * attempt: it carries the same transaction id, and a peer marks any later copy of a transaction id already in the chain
 * invalid ({@code DUPLICATE_TXID}), so at most one copy is ever applied, and its commit status is the first copy's.
 * So the node rides out a failover for up to {@code within} instead of answering the caller "unavailable" at once.
 *
 * <p>A transaction the ordering service took can still be lost: an orderer that took it and was cut off from the
 * others before passing it on (a Raft leader whose host lost its network) takes it down with it, and its block never
 * comes. So one not committed {@code reorderAfter} after it was taken is handed over again, the same way (PT0S:
 * never), while its commit wait lasts ({@link #awaitReordering}).
 */
public record OrderRetry(Duration within, Duration backoffInitial, Duration backoffMax, Duration reorderAfter) {

    public OrderRetry {
        Objects.requireNonNull(within, "within");
        Objects.requireNonNull(backoffInitial, "backoffInitial");
        Objects.requireNonNull(backoffMax, "backoffMax");
        Objects.requireNonNull(reorderAfter, "reorderAfter");
        if (within.isNegative() || within.compareTo(Duration.ofMinutes(2)) > 0) {
            throw new IllegalArgumentException("the ordering retry time must be in [PT0S, PT2M], got " + within);
        }
        if (backoffInitial.isNegative() || backoffMax.compareTo(backoffInitial) < 0) {
            throw new IllegalArgumentException("the ordering retry backoff must satisfy 0 <= initial <= max");
        }
        if (reorderAfter.isNegative() || reorderAfter.compareTo(Duration.ofMinutes(2)) > 0) {
            throw new IllegalArgumentException("the re-ordering delay must be in [PT0S, PT2M], got " + reorderAfter);
        }
    }

    /**
     * Up to 30 s (a Raft election, a BFT view change on a loaded machine), pausing from 100 ms doubling to 2 s; a
     * transaction taken but not committed 5 s later (a lone one commits in well under a second here, one under full
     * load in one to two) is handed over again.
     */
    public static OrderRetry defaults() {
        return new OrderRetry(Duration.ofSeconds(30), Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    /** The same retry with another {@link #within}. */
    public OrderRetry within(Duration within) {
        return new OrderRetry(within, backoffInitial, backoffMax, reorderAfter);
    }

    /** The same retry with another {@link #reorderAfter}. */
    public OrderRetry reorderAfter(Duration reorderAfter) {
        return new OrderRetry(within, backoffInitial, backoffMax, reorderAfter);
    }

    /** Waits up to the given time for a transaction's commit status; empty when none came. */
    @FunctionalInterface
    interface Awaiter<S> {
        Optional<S> await(Duration waitMax);
    }

    /**
     * Waits up to {@code waitMax} for a commit status ({@code awaiter}); each time {@link #reorderAfter} passes without
     * one, runs {@code reorder} (which hands the same transaction to the ordering service again) and waits on. Empty
     * when {@code waitMax} passed without a status, or when the awaiter gave up before its time was up (it cannot
     * tell, its block stream being down: the caller asks elsewhere, and nothing is handed over again on a guess).
     * {@code nanoTime}: the clock.
     */
    <S> Optional<S> awaitReordering(Duration waitMax, Awaiter<S> awaiter, Runnable reorder, java.util.function.LongSupplier nanoTime) {
        long start = nanoTime.getAsLong();
        while (true) {
            long remaining = waitMax.toNanos() - (nanoTime.getAsLong() - start);
            if (remaining <= 0) {
                return Optional.empty();
            }
            Duration slice = reorderAfter.isZero() ? Duration.ofNanos(remaining) : Duration.ofNanos(Math.min(remaining, reorderAfter.toNanos()));
            long sliceStart = nanoTime.getAsLong();
            Optional<S> status = awaiter.await(slice);
            long now = nanoTime.getAsLong();
            if (status.isPresent() || now - start >= waitMax.toNanos() || now - sliceStart < slice.toNanos()) {
                return status;
            }
            reorder.run();
        }
    }

    /** One attempt at handing the transaction to the ordering service. */
    @FunctionalInterface
    interface Attempt<T> {
        T submit() throws SubmitException;
    }

    /** Waits {@code pause}; false when interrupted (the caller then stops retrying). */
    @FunctionalInterface
    interface Pauser {
        boolean pause(Duration pause);
    }

    /**
     * Runs {@code attempt} until it succeeds, fails for a reason that is not transient, or {@link #within} has passed
     * since the first attempt began ({@code nanoTime}, the clock); then throws the last failure.
     */
    <T> T run(Attempt<T> attempt, Pauser pauser, java.util.function.LongSupplier nanoTime) throws SubmitException {
        long start = nanoTime.getAsLong();
        for (int n = 1; ; n++) {
            try {
                return attempt.submit();
            } catch (SubmitException e) {
                Duration pause = backoffBefore(n + 1);
                long spent = nanoTime.getAsLong() - start;
                if (!isTransient(e) || spent + pause.toNanos() > within.toNanos() || !pauser.pause(pause)) {
                    throw e;
                }
            }
        }
    }

    /**
     * Attempts of one re-ordering at most (see {@link #reorderAgain}). The gateway picks among the orderers at random,
     * and bench-consortium saw it pick the one cut-off orderer of three three times in a row: six such picks in a row
     * happen about once in 700 re-orderings.
     */
    static final int REORDER_ATTEMPTS_MAX = 6;

    /**
     * Whether a re-ordering whose attempt {@code attempt} failed with {@code e} tries again at once: only when no
     * answer came in time. An orderer whose host is cut off answers nothing and costs a whole submit timeout; the
     * gateway picks an orderer at random, so the next attempt most likely reaches a live one. Any answer (BFT orderers
     * that have the transaction say "request already processed") ends it: the wait for the block goes on.
     */
    static boolean reorderAgain(int attempt, SubmitException e) {
        return attempt < REORDER_ATTEMPTS_MAX && e.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED;
    }

    static boolean isTransient(SubmitException e) {
        Status.Code code = e.getStatus().getCode();
        return code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED;
    }

    /** The pause before attempt {@code attempt} (2, 3, ...): exponential, capped. */
    Duration backoffBefore(int attempt) {
        return Backoff.before(attempt, backoffInitial, backoffMax);
    }
}
