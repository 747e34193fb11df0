package io.ledgernode.reconciler.compare;

import io.ledgernode.mirror.MirrorReader;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Waits for the mirror to hold every block a chain query may have seen: asks, and while the mirror's snapshot is
 * behind, pauses and asks again, up to {@code compare.mirrorWaitMax}. A mirror that stays behind fails the run (the
 * sync-bridge is down or stuck): that is not a break, and the run must not guess.
 */
final class MirrorWait {

    private final Duration waitMax;
    private final Duration pollInterval;

    MirrorWait(Duration waitMax, Duration pollInterval) {
        this.waitMax = waitMax;
        this.pollInterval = pollInterval;
    }

    /** A read that answers empty while the mirror is behind {@code height}. */
    @FunctionalInterface
    interface Read<T> {
        Optional<MirrorReader.Snapshot<T>> attempt() throws SQLException;
    }

    /** The mirror lagged behind the chain for longer than the run may wait. */
    static final class MirrorLagging extends RuntimeException {
        MirrorLagging(String message) {
            super(message);
        }
    }

    <T> T until(long height, Read<T> read) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(waitMax);
        while (true) {
            Optional<MirrorReader.Snapshot<T>> snapshot = read.attempt();
            if (snapshot.isPresent()) {
                return snapshot.get().value();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new MirrorLagging("the mirror did not reach block " + (height - 1) + " within " + waitMax
                        + " (is the sync-bridge running?)");
            }
            Thread.sleep(pollInterval.toMillis());
        }
    }
}
