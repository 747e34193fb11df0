package io.ledgernode.bridge.follow;

import java.time.Duration;

/** Bounded exponential backoff: doubles from the initial pause up to the maximum, reset after a success. */
final class Backoff {

    private final Duration initial;
    private final Duration max;
    private Duration next;

    Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
        this.next = initial;
    }

    /** Sleeps for the current pause and doubles it; false if interrupted. */
    boolean pause() {
        Duration now = next;
        next = next.multipliedBy(2).compareTo(max) > 0 ? max : next.multipliedBy(2);
        try {
            Thread.sleep(now.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void reset() {
        next = initial;
    }

    Duration current() {
        return next;
    }
}
