package io.ledgernode.gateway;

import java.time.Duration;

/** The pause before a retry, one rule for {@link EndorseRetry} and {@link OrderRetry}: doubling, capped. */
final class Backoff {

    private Backoff() {
    }

    /** The pause before attempt {@code attempt} (2, 3, ...): {@code initial} doubled per retry, at most {@code max}. */
    static Duration before(int attempt, Duration initial, Duration max) {
        long millis = initial.toMillis() << Math.min(attempt - 2, 20);
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }
}
