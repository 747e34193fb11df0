package io.ledgernode.reports;

import java.util.Map;
import java.util.Objects;

/**
 * When a party's daily total is large enough to report: a threshold in integer minor units per asset, and one for
 * every other asset. A total is reported when it is strictly over its asset's threshold.
 */
public record LargeValueThresholds(long defaultThresholdMinor, Map<String, Long> perAssetMinor) {

    public LargeValueThresholds {
        requirePositive("defaultThresholdMinor", defaultThresholdMinor);
        perAssetMinor = Map.copyOf(Objects.requireNonNull(perAssetMinor, "perAssetMinor"));
        perAssetMinor.forEach((asset, threshold) -> requirePositive("threshold of " + asset, threshold));
    }

    /** The same default for every asset. */
    public static LargeValueThresholds of(long defaultThresholdMinor) {
        return new LargeValueThresholds(defaultThresholdMinor, Map.of());
    }

    /** This asset's threshold in minor units. */
    public long thresholdMinor(String asset) {
        return perAssetMinor.getOrDefault(asset, defaultThresholdMinor);
    }

    private static void requirePositive(String what, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive minor units, not " + value);
        }
    }
}
