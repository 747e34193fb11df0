package io.ledgernode.gateway;

import io.grpc.Status;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
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

    static boolean isTransient(EndorseException e, String ownMspId) {
        if (ChaincodeErrors.rejection(e).isPresent()) {
            return rejectedOnlyByOtherOrgs(e, ownMspId);
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

    /**
     * The chaincode is deterministic, so peers with the same state give the same answer. The gateway endorses on this
     * org's own peer first; when only other orgs' peers rejected, this org's peer endorsed, and their states differ:
     * another org's peer has not yet committed a block this org's peer has (typically the write this node has just
     * answered, such as the hold a capture names). Found by the chaos run: a capture right after its hold was
     * answered, refused UNKNOWN_HOLD by the other org's lagging peer. Trying again once it has caught up is right; a
     * rejection by this org's own peer is final.
     */
    static boolean rejectedOnlyByOtherOrgs(EndorseException e, String ownMspId) {
        List<ErrorDetail> details = e.getDetails();
        return !details.isEmpty() && details.stream().noneMatch(d -> d.getMspId().equals(ownMspId));
    }

    /** The pause before attempt {@code attempt} (2, 3, ...): exponential, capped. */
    Duration backoffBefore(int attempt) {
        return Backoff.before(attempt, backoffInitial, backoffMax);
    }
}
