package io.ledgernode.gateway;

import io.grpc.Status;
import java.time.Duration;
import java.util.Objects;
import org.hyperledger.fabric.client.EndorseException;

/**
 * When a failed endorsement may be tried again, and how often. Retrying endorsement is always safe: nothing reached
 * the orderer, so the same signed proposal (same transaction id) is simply endorsed again.
 *
 * <p>Transient failures are those where the endorsing peers disagreed or were not all ready, never a chaincode
 * rejection: with several endorsing orgs, one peer may not yet have committed the block the previous transaction went
 * into (the client learns of the commit from its own org's peer), so the peers' answers differ and the gateway aborts
 * ({@code ABORTED}, no chaincode error); right after a peer restarts, discovery may not yet find a set of peers that
 * satisfies the endorsement policy ({@code UNAVAILABLE}, or {@code FAILED_PRECONDITION} "no combination of peers can be
 * derived").
 */
public record EndorseRetry(int attemptsMax, Duration backoffInitial, Duration backoffMax) {

    public EndorseRetry {
        if (attemptsMax < 1 || attemptsMax > 20) {
            throw new IllegalArgumentException("attemptsMax must be in [1, 20], got " + attemptsMax);
        }
        Objects.requireNonNull(backoffInitial, "backoffInitial");
        Objects.requireNonNull(backoffMax, "backoffMax");
    }

    /** Up to 8 attempts, backing off from 20 ms to 1 s (about 4 s in all): a block or two, or discovery catching up. */
    public static EndorseRetry defaults() {
        return new EndorseRetry(8, Duration.ofMillis(20), Duration.ofSeconds(1));
    }

    /** No retries. */
    public static EndorseRetry none() {
        return new EndorseRetry(1, Duration.ZERO, Duration.ZERO);
    }

    static boolean isTransient(EndorseException e) {
        if (ChaincodeErrors.rejection(e).isPresent()) {
            return false;
        }
        Status.Code code = e.getStatus().getCode();
        if (code == Status.Code.ABORTED || code == Status.Code.UNAVAILABLE) {
            return true;
        }
        // Discovery still warming up after a peer (re)started: it cannot yet name peers of every org needed.
        String description = e.getStatus().getDescription();
        return code == Status.Code.FAILED_PRECONDITION && description != null
                && description.contains("no combination of peers can be derived");
    }

    /** The pause before attempt {@code attempt} (2, 3, ...): exponential, capped. */
    Duration backoffBefore(int attempt) {
        long millis = backoffInitial.toMillis() << Math.min(attempt - 2, 20);
        return Duration.ofMillis(Math.min(millis, backoffMax.toMillis()));
    }
}
