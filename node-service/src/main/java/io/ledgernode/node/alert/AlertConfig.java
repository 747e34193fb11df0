package io.ledgernode.node.alert;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The alert rules' settings ({@code node.alerts.*} in application.yaml, where every default is).
 *
 * @param scanInterval the pause between scans of the mirror's new entries
 * @param batchMax entries one scan evaluates
 * @param largeValue thresholds in minor units, the first matching an entry's jurisdiction and asset winning
 * @param structuringRatioPercent an amount from this share of the threshold up to just under it counts as structuring
 * @param structuringCount how many such transfers of one account, one direction, within the window raise an alert
 * @param structuringWindow the window
 */
public record AlertConfig(boolean enabled, Duration scanInterval, int batchMax, List<Threshold> largeValue, int structuringRatioPercent,
                          int structuringCount, Duration structuringWindow) {

    /** A threshold for a jurisdiction and an asset; {@code *} matches any. */
    public record Threshold(String jurisdiction, String asset, long minor) {
        public Threshold {
            Objects.requireNonNull(jurisdiction, "jurisdiction");
            Objects.requireNonNull(asset, "asset");
            if (minor <= 0) {
                throw new IllegalArgumentException("node.alerts.large-value thresholds are positive minor units, not " + minor);
            }
        }

        boolean matches(String entryJurisdiction, String entryAsset) {
            return (jurisdiction.equals("*") || jurisdiction.equals(entryJurisdiction)) && (asset.equals("*") || asset.equals(entryAsset));
        }
    }

    public AlertConfig {
        largeValue = List.copyOf(largeValue);
        if (scanInterval.isNegative() || scanInterval.isZero() || batchMax < 1) {
            throw new IllegalArgumentException("node.alerts.scan-interval must be positive and batch-max at least 1");
        }
        if (structuringRatioPercent < 1 || structuringRatioPercent > 99 || structuringCount < 2 || structuringWindow.isNegative()
                || structuringWindow.isZero()) {
            throw new IllegalArgumentException("node.alerts.structuring: ratio-percent in [1, 99], count at least 2, a positive window");
        }
    }

    /** The large-value threshold of an entry of {@code asset} on an account of {@code jurisdiction}, if any rule names one. */
    public Optional<Long> threshold(String jurisdiction, String asset) {
        return largeValue.stream().filter(t -> t.matches(jurisdiction, asset)).findFirst().map(Threshold::minor);
    }
}
