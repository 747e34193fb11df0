package io.ledgernode.node.hold;

import io.ledgernode.api.ErrorCode;
import io.ledgernode.api.LedgerException;
import io.ledgernode.api.Transactions;
import io.ledgernode.api.hold.HoldRequest;
import io.ledgernode.mirror.Hold;
import io.ledgernode.node.chain.LedgerWriter;
import io.ledgernode.node.http.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Releases the expired holds of this org's accounts, so that their money does not stay held until someone asks. Each
 * round reads the longest expired open holds from the mirror (at most {@code batchMax}) and sends {@code Holds:release}
 * for each under the key {@code hold-expiry:<holdId>}, {@code inFlightMax} at a time.
 *
 * <p>Idempotent and safe with several nodes of the org running it at once: the key is the same on every node, so a
 * release that another node (or an earlier round, before the mirror caught up) already committed is answered by the
 * chaincode as a replay, without a new transaction; one that a caller voided or captured in the meantime is
 * HOLD_NOT_OPEN. The key cannot collide with a caller's: those are {@code <16 hex digits>:<key>}.
 */
public final class HoldExpiry {

    private static final Logger LOG = Logger.getLogger(HoldExpiry.class.getName());

    /** Where expired holds are found: the node's mirror, for this org's accounts. */
    @FunctionalInterface
    public interface ExpiredHolds {
        List<Hold> expired(Instant now, int limit);
    }

    /** Told what each round did: holds released, and how far the longest expired one was behind its expiry. */
    public interface Observer {
        void released(int holds);

        void lag(Duration behindExpiry);
    }

    /**
     * What one round did.
     *
     * @param found expired open holds the mirror listed
     * @param released releases committed (or found committed already: a replay)
     * @param closedAlready holds a caller captured, voided or released first
     * @param failed releases the ledger refused or did not take; tried again next round
     * @param lag how long the longest expired of them had been expired at the start of the round (zero for none)
     */
    public record Round(int found, int released, int closedAlready, int failed, Duration lag) {
    }

    private final HoldExpiryConfig config;
    private final ExpiredHolds holds;
    private final LedgerWriter writer;
    private final Clock clock;
    private final Observer observer;

    public HoldExpiry(HoldExpiryConfig config, ExpiredHolds holds, LedgerWriter writer, Clock clock, Observer observer) {
        this.config = Objects.requireNonNull(config, "config");
        this.holds = Objects.requireNonNull(holds, "holds");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    /** The idempotency key of the release of {@code holdId}: the same on every node of the org. */
    static String key(String holdId) {
        return "hold-expiry:" + holdId;
    }

    /** One round: the expired holds of this org, released. */
    public Round round() {
        Instant now = clock.instant();
        List<Hold> expired = holds.expired(now, config.batchMax());
        Duration lag = expired.isEmpty() ? Duration.ZERO : Duration.between(expired.get(0).expiresAt(), now);
        observer.lag(lag);
        int released = 0;
        int closedAlready = 0;
        int failed = 0;
        try (ExecutorService releases = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int from = 0; from < expired.size(); from += config.inFlightMax()) {
                List<Future<Outcome>> inFlight = new ArrayList<>();
                for (Hold hold : expired.subList(from, Math.min(expired.size(), from + config.inFlightMax()))) {
                    inFlight.add(releases.submit(() -> release(hold.id())));
                }
                for (Future<Outcome> outcome : inFlight) {
                    switch (await(outcome)) {
                        case RELEASED -> released++;
                        case CLOSED_ALREADY -> closedAlready++;
                        case FAILED -> failed++;
                    }
                }
            }
        }
        observer.released(released);
        return new Round(expired.size(), released, closedAlready, failed, lag);
    }

    private enum Outcome { RELEASED, CLOSED_ALREADY, FAILED }

    private Outcome release(String holdId) {
        try {
            // Done or pending: either way the release is on its way, and the next round replays it if need be.
            writer.submit(Transactions.HOLDS_RELEASE, HoldRequest.of(key(holdId), holdId));
            return Outcome.RELEASED;
        } catch (LedgerException e) {
            if (e.code() == ErrorCode.HOLD_NOT_OPEN) {
                return Outcome.CLOSED_ALREADY;
            }
            LOG.warning("releasing expired hold " + holdId + " was refused: " + e.getMessage());
            return Outcome.FAILED;
        } catch (ApiException e) {
            LOG.warning("releasing expired hold " + holdId + " did not go through: " + e.getMessage());
            return Outcome.FAILED;
        }
    }

    private static Outcome await(Future<Outcome> outcome) {
        try {
            return outcome.get();
        } catch (ExecutionException e) {
            LOG.log(Level.WARNING, "releasing an expired hold failed", e.getCause());
            return Outcome.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
