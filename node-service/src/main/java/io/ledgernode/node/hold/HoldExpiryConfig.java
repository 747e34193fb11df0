package io.ledgernode.node.hold;

import java.time.Duration;
import java.util.Objects;

/**
 * The expired-hold job's settings ({@code node.hold-expiry.*} in application.yaml, where every default is).
 *
 * @param enabled whether the node releases its org's expired holds at all
 * @param interval the pause between the end of one round and the start of the next
 * @param batchMax expired holds one round releases, the longest expired first (the rest wait for the next round)
 * @param inFlightMax releases one round has in flight at once
 */
public record HoldExpiryConfig(boolean enabled, Duration interval, int batchMax, int inFlightMax) {

    public HoldExpiryConfig {
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("node.hold-expiry.interval must be positive");
        }
        if (batchMax < 1 || batchMax > 10_000) {
            throw new IllegalArgumentException("node.hold-expiry.batch-max must be in [1, 10000], got " + batchMax);
        }
        if (inFlightMax < 1 || inFlightMax > batchMax) {
            throw new IllegalArgumentException("node.hold-expiry.in-flight-max must be in [1, batch-max], got " + inFlightMax);
        }
    }
}
