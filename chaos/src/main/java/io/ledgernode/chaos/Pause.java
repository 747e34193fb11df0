package io.ledgernode.chaos;

import java.time.Duration;

/** The one way the workload, the nemesis and the checker wait: an interrupt ends the wait and is kept. */
public final class Pause {

    private Pause() {
    }

    public static void of(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
