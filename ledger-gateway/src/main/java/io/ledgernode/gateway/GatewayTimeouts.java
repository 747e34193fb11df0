package io.ledgernode.gateway;

import java.time.Duration;
import java.util.Objects;

/**
 * Deadlines of each phase of a transaction. The commit status deadline is long: running out of it does not mean the
 * transaction failed, only that its outcome is unknown to us yet.
 */
public record GatewayTimeouts(Duration evaluate, Duration endorse, Duration submit, Duration commitStatus) {

    public GatewayTimeouts {
        Objects.requireNonNull(evaluate, "evaluate");
        Objects.requireNonNull(endorse, "endorse");
        Objects.requireNonNull(submit, "submit");
        Objects.requireNonNull(commitStatus, "commitStatus");
    }

    /** The deadlines Fabric's own samples recommend. */
    public static GatewayTimeouts defaults() {
        return new GatewayTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(5), Duration.ofMinutes(1));
    }
}
