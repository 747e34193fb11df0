package io.ledgernode.netconfig.model;

import java.time.Duration;

/** The ordering service: its consensus and how it cuts blocks. */
public record Ordering(Consensus consensus, Duration batchTimeout, int maxMessageCount, long absoluteMaxBytes,
        long preferredMaxBytes) {

    public Ordering {
        Names.require(consensus != null, "ordering.consensus is required (etcdraft or BFT)");
        Names.require(batchTimeout != null && !batchTimeout.isNegative() && !batchTimeout.isZero()
                && batchTimeout.compareTo(Duration.ofSeconds(10)) <= 0, "ordering.batchTimeout must be in (0, PT10S]");
        Names.require(maxMessageCount >= 1 && maxMessageCount <= 10_000, "ordering.maxMessageCount must be in [1, 10000]");
        Names.require(preferredMaxBytes > 0 && absoluteMaxBytes >= preferredMaxBytes
                && absoluteMaxBytes <= 100L * 1024 * 1024,
                "ordering byte limits must satisfy 0 < preferredMaxBytes <= absoluteMaxBytes <= 100 MiB");
    }
}
