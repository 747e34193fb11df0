package io.ledgernode.reconciler.config;

import io.ledgernode.process.YamlConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.quartz.CronExpression;

/** The whole configuration of the reconciler, read once at start and passed down through constructors. */
public record ReconcilerConfig(Network network, Database database, Database mirror, Schedule schedule, Compare compare,
                               Reports reports, Metrics metrics) {

    public ReconcilerConfig {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(mirror, "mirror");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(compare, "compare");
        Objects.requireNonNull(reports, "reports");
        Objects.requireNonNull(metrics, "metrics");
    }

    /**
     * The signed reports a completed run publishes: where, signed by which identity of {@code network.org}, with which
     * pseudonym key and large-value threshold, and for which UTC day.
     */
    public record Reports(String root, String nodeName, String signingIdentity, String pseudonymKeyFile,
                          long largeValueThreshold, String day) {
        public Reports {
            Objects.requireNonNull(root, "reports.root");
            requireText("reports.nodeName", nodeName);
            requireText("reports.signingIdentity", signingIdentity);
            Objects.requireNonNull(pseudonymKeyFile, "reports.pseudonymKeyFile");
            if (largeValueThreshold < 1) {
                throw new IllegalArgumentException("reports.largeValueThreshold must be at least 1, got " + largeValueThreshold);
            }
            if (!day.equals("previous") && !day.equals("current")) {
                throw new IllegalArgumentException("reports.day must be previous or current, got " + day);
            }
        }
    }

    /** The network to read, and the identity to read it as (its org's gateway peer answers every chain query). */
    public record Network(String home, String org, String identity) {
        public Network {
            requireText("network.org", org);
            requireText("network.identity", identity);
        }
    }

    /** A PostgreSQL connection: by URL, or (empty URL) the node's database named in network/node.properties. */
    public record Database(String url, String user, String password, String passwordFile, int poolSizeMax) {
        public Database {
            requireText("user", user);
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(passwordFile, "passwordFile");
            requireWithin("poolSizeMax", poolSizeMax, 2, 64);
        }
    }

    /** The nightly schedule and the Quartz cluster it runs in. */
    public record Schedule(String cron, String timeZone, String schedulerName, Duration clusterCheckinInterval,
                           Duration misfireThreshold) {
        public Schedule {
            if (cron == null || !CronExpression.isValidExpression(cron)) {
                throw new IllegalArgumentException("schedule.cron is not a Quartz cron expression: " + cron);
            }
            ZoneId.of(requireText("schedule.timeZone", timeZone));
            requireText("schedule.schedulerName", schedulerName);
            requirePositive("schedule.clusterCheckinInterval", clusterCheckinInterval);
            requirePositive("schedule.misfireThreshold", misfireThreshold);
        }
    }

    /**
     * How a run pages, waits and rechecks; every loop of a run is bounded by one of these. A run's block pass
     * continues from the last clean run, except when the last full verification from block 0 finished longer than
     * {@code fullVerificationEvery} ago.
     */
    public record Compare(int pageSize, int pagesAheadMax, Duration mirrorWaitMax, Duration mirrorPollInterval,
                          int recheckAttemptsMax, int windowBlocksMax, int blockBatchSize, int breakBatchSize,
                          Duration fullVerificationEvery) {
        public Compare {
            requireWithin("compare.pageSize", pageSize, 1, 1_000);
            requireWithin("compare.pagesAheadMax", pagesAheadMax, 1, 64);
            requirePositive("compare.mirrorWaitMax", mirrorWaitMax);
            requirePositive("compare.mirrorPollInterval", mirrorPollInterval);
            requireWithin("compare.recheckAttemptsMax", recheckAttemptsMax, 1, 100);
            requireWithin("compare.windowBlocksMax", windowBlocksMax, 2, 100_000);
            requireWithin("compare.blockBatchSize", blockBatchSize, 1, 10_000);
            requireWithin("compare.breakBatchSize", breakBatchSize, 1, 10_000);
            requirePositive("compare.fullVerificationEvery", fullVerificationEvery);
        }
    }

    /** The Prometheus and health endpoint of the scheduler process. */
    public record Metrics(String host, int port) {
        public Metrics {
            requireText("metrics.host", host);
            requireWithin("metrics.port", port, 0, 65_535);
        }
    }

    /**
     * The defaults of application.yaml, overridden by {@code operatorFile} if given, then by {@code overrides}
     * (dotted keys such as {@code compare.pageSize}). Every mistake is an {@link IllegalArgumentException} whose
     * message is one line naming the key.
     */
    public static ReconcilerConfig load(Optional<Path> operatorFile, Map<String, String> overrides) {
        return YamlConfig.load(ReconcilerConfig.class, operatorFile, overrides);
    }

    private static String requireText(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " must not be empty");
        }
        return value;
    }

    private static void requireWithin(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " must be in [" + min + ", " + max + "], got " + value);
        }
    }

    private static void requirePositive(String key, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be a positive ISO-8601 duration, got " + value);
        }
    }
}
