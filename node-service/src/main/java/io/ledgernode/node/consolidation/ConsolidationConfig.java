package io.ledgernode.node.consolidation;

import io.ledgernode.api.account.ConsolidateCreditsRequest;
import java.time.Duration;
import java.util.Objects;

/**
 * The consolidation job's settings ({@code node.consolidation.*} in application.yaml, where every default is).
 *
 * @param enabled whether the node runs the job at all
 * @param interval the pause between the end of one round and the start of the next
 * @param threshold an account is consolidated once it has at least this many credits unfolded (as the mirror counts)
 * @param creditsPerConsolidationMax credits named in one consolidation (the chaincode takes at most
 *     {@link ConsolidateCreditsRequest#CREDITS_MAX})
 * @param consolidationsPerAccountMax consolidations of one account in one round
 * @param accountsPerRoundMax accounts consolidated in one round, the most unfolded first
 * @param blocksPerRoundMax mirror blocks whose credits one round counts (the catch-up after a start is spread out)
 * @param trackedAccountsMax accounts whose unfolded count is remembered; beyond it, the smallest counts are forgotten
 */
public record ConsolidationConfig(boolean enabled, Duration interval, int threshold, int creditsPerConsolidationMax,
                                  int consolidationsPerAccountMax, int accountsPerRoundMax, int blocksPerRoundMax,
                                  int trackedAccountsMax) {
    public ConsolidationConfig {
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("node.consolidation.interval must be positive");
        }
        require("threshold", threshold, 1, 1_000);
        require("credits-per-consolidation-max", creditsPerConsolidationMax, 1, ConsolidateCreditsRequest.CREDITS_MAX);
        require("consolidations-per-account-max", consolidationsPerAccountMax, 1, 1_000);
        require("accounts-per-round-max", accountsPerRoundMax, 1, 10_000);
        require("blocks-per-round-max", blocksPerRoundMax, 1, 1_000_000);
        require("tracked-accounts-max", trackedAccountsMax, accountsPerRoundMax, 10_000_000);
    }

    private static void require(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("node.consolidation." + name + " must be in [" + min + ", " + max + "], got " + value);
        }
    }
}
