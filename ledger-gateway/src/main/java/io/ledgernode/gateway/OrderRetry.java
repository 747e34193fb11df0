package io.ledgernode.gateway;

import io.grpc.Status;
import java.time.Duration;
import java.util.Objects;
import org.hyperledger.fabric.client.SubmitException;

/**
 * When an endorsed transaction the ordering service did not take is handed to it again, and for how long. While a
 * Raft ordering service elects a new leader (seconds, after its leader's host is lost) or a BFT one changes its view,
 * every orderer answers that it cannot take transactions now ({@code UNAVAILABLE}), or the gateway's submit times out
 * ({@code DEADLINE_EXCEEDED}). Submitting the same signed transaction again is safe whatever happened to the first
 * attempt: it carries the same transaction id, and a peer marks any later copy of a transaction id already in the chain
 * invalid ({@code DUPLICATE_TXID}), so at most one copy is ever applied, and its commit status is the first copy's.
 * So the node rides out a failover for up to {@code within} instead of answering the caller "unavailable" at once.
 */
public record OrderRetry(Duration within, Duration backoffInitial, Duration backoffMax) {

    public OrderRetry {
        Objects.requireNonNull(within, "within");
        Objects.requireNonNull(backoffInitial, "backoffInitial");
        Objects.requireNonNull(backoffMax, "backoffMax");
        if (within.isNegative() || within.compareTo(Duration.ofMinutes(2)) > 0) {
            throw new IllegalArgumentException("the ordering retry time must be in [PT0S, PT2M], got " + within);
        }
        if (backoffInitial.isNegative() || backoffMax.compareTo(backoffInitial) < 0) {
            throw new IllegalArgumentException("the ordering retry backoff must satisfy 0 <= initial <= max");
        }
    }

    /** Up to 30 s (a Raft election, a BFT view change on a loaded machine), pausing from 100 ms doubling to 2 s. */
    public static OrderRetry defaults() {
        return new OrderRetry(Duration.ofSeconds(30), Duration.ofMillis(100), Duration.ofSeconds(2));
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

    static boolean isTransient(SubmitException e) {
        Status.Code code = e.getStatus().getCode();
        return code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED;
    }

    /** The pause before attempt {@code attempt} (2, 3, ...): exponential, capped. */
    Duration backoffBefore(int attempt) {
        return Backoff.before(attempt, backoffInitial, backoffMax);
    }
}
