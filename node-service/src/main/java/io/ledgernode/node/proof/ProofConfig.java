package io.ledgernode.node.proof;

import java.time.Duration;
import java.util.Objects;

/**
 * The builder's limits.
 *
 * @param headersMax               most block headers a bundle carries (from the configuration block to its end block)
 * @param attestationWait          how long to keep asking an attester whose peer does not hold the block yet
 * @param attestationRetryInterval the pause between such asks
 * @param attestationsRequired     how many attesters must answer; the others are left out of the bundle (the verifier
 *                                 decides how many it needs); at most the number of attesters
 */
public record ProofConfig(int headersMax, Duration attestationWait, Duration attestationRetryInterval,
                          int attestationsRequired) {
    public ProofConfig {
        Objects.requireNonNull(attestationWait, "attestationWait");
        Objects.requireNonNull(attestationRetryInterval, "attestationRetryInterval");
        if (headersMax < 1 || attestationsRequired < 1 || attestationRetryInterval.isNegative()
                || attestationRetryInterval.isZero() || attestationWait.isNegative()) {
            throw new IllegalArgumentException("invalid proof config: " + headersMax + " headers, " + attestationsRequired
                    + " attestations, wait " + attestationWait + " every " + attestationRetryInterval);
        }
    }
}
