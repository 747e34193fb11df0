package io.ledgernode.node;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.ledgernode.gateway.EndorseRetry;
import io.ledgernode.gateway.OrderRetry;
import io.ledgernode.gateway.GatewayTimeouts;
import io.ledgernode.node.grpc.AccountWatch;
import io.ledgernode.node.auth.AuthConfig;
import io.ledgernode.node.consolidation.ConsolidationConfig;
import io.ledgernode.node.hold.HoldExpiryConfig;
import io.ledgernode.node.alert.AlertConfig;
import io.ledgernode.node.notification.NotificationDatabase;
import io.ledgernode.node.webhook.WebhookConfig;
import io.ledgernode.node.chain.SenderPacker;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/** The service's settings, read once from application.yaml (every default is there) and passed down. */
public record NodeConfig(Path ledgerHome, String org, String identity, String complianceIdentity, Mirror mirror,
                         URI bridgeReadyUrl, Duration minBlockWaitMax, int pageSizeMax, int pageSizeDefault,
                         int conflictRetriesMax, AccountWatch.Settings watch, Path reportsRoot, Proof proof,
                         RateLimit rateLimit, AuthConfig auth, Gateway gateway, ConsolidationConfig consolidation,
                         SenderPacker.Settings sendPack, HoldExpiryConfig holdExpiry, int statementsConcurrentMax,
                         NotificationDatabase.Settings notifications, WebhookConfig webhooks, AlertConfig alerts,
                         io.ledgernode.node.console.ConsoleConfig console) {

    /**
     * The Fabric Gateway connections (the payments and the compliance identity): the deadline of each phase of a
     * transaction, the retries of a transient endorsement failure, and the pause before a write that lost an MVCC race
     * is resubmitted (doubling from {@code conflictBackoffInitial} up to {@code conflictBackoffMax}; how many times is
     * {@link #conflictRetriesMax}).
     */
    public record Gateway(GatewayTimeouts timeouts, EndorseRetry endorseRetry, OrderRetry orderRetry,
                          Duration conflictBackoffInitial, Duration conflictBackoffMax, Duration commitEventWaitMax) {
        public Gateway {
            java.util.Objects.requireNonNull(timeouts, "timeouts");
            java.util.Objects.requireNonNull(endorseRetry, "endorseRetry");
            java.util.Objects.requireNonNull(orderRetry, "orderRetry");
            if (commitEventWaitMax.isNegative() || commitEventWaitMax.compareTo(timeouts.commitStatus()) > 0) {
                throw new IllegalArgumentException("gateway.commit-event-wait-max must be at least zero (PT0S: no block "
                        + "stream) and at most gateway.commit-status-timeout");
            }
            if (conflictBackoffInitial.isNegative() || conflictBackoffMax.compareTo(conflictBackoffInitial) < 0
                    || conflictBackoffMax.compareTo(Duration.ofMinutes(1)) > 0) {
                throw new IllegalArgumentException("gateway.conflict-backoff-initial must be at least zero and at most "
                        + "gateway.conflict-backoff-max, itself at most PT1M");
            }
        }
    }

    /** Proof bundles: limits, and the member orgs' nodes that attest blocks, by org name (this node's own is skipped). */
    public record Proof(Duration readTimeout, int headersMax, Duration attestationWait, Duration attestationRetryInterval,
                        int attestationsRequired, Duration remoteTimeout, int remoteBytesMax, Map<String, URI> attesters) {
        public Proof {
            attesters = Map.copyOf(attesters);
        }
    }

    /**
     * Requests per verified caller: sustained rate and burst; and refused requests (401, 403) per client address:
     * sustained rate and burst.
     */
    public record RateLimit(double requestsPerSecond, int burst, double refusalsPerSecond, int refusalBurst) {
    }

    /** The read-only connection to the mirror. */
    public record Mirror(String jdbcUrl, String user, String password, int poolSizeMax) {
    }

    public NodeConfig {
        if (pageSizeDefault < 1 || pageSizeDefault > pageSizeMax || pageSizeMax > 1_000) {
            throw new IllegalArgumentException("node.page-size-default must be in [1, page-size-max] and page-size-max at most 1000");
        }
        if (conflictRetriesMax < 0 || conflictRetriesMax > 20) {
            throw new IllegalArgumentException("node.conflict-retries-max must be in [0, 20]");
        }
    }

    /** The one line a bad command line answers with. */
    private static final String USAGE = "usage: node-service [--config FILE]";

    /**
     * node-service's configuration tree: environment variables and system properties (Helidon's defaults, above the
     * rest), then the operator's YAML file named by {@code --config FILE} (LEDGER_SERVICE_CONFIG), then the shipped
     * application.yaml with every default. A file that is not there is refused, never skipped: an operator's
     * setting silently ignored is worse than a node that does not start.
     */
    public static Config root(List<String> args) {
        Optional<Path> file = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--config") && i + 1 < args.size() && file.isEmpty()) {
                file = Optional.of(Path.of(args.get(++i)));
            } else {
                throw new IllegalArgumentException(USAGE + " (not understood: " + args.get(i) + ")");
            }
        }
        if (file.isPresent() && !Files.isRegularFile(file.get())) {
            throw new IllegalArgumentException("the configuration file " + file.get() + " is not there (--config)");
        }
        Config.Builder builder = Config.builder();
        file.ifPresent(path -> builder.addSource(ConfigSources.file(path)));
        return builder.addSource(ConfigSources.classpath("application.yaml")).build();
    }

    public static NodeConfig from(Config root) {
        Config node = root.get("node");
        String home = node.get("ledger-home").asString().orElse("");
        if (home.isBlank()) {
            throw new IllegalArgumentException("node.ledger-home is not set (the LEDGER_HOME of the network)");
        }
        Path ledgerHome = Path.of(home);
        Config mirror = node.get("mirror");
        String jdbcUrl = mirror.get("jdbc-url").asString().orElse("");
        if (jdbcUrl.isBlank()) {
            jdbcUrl = nodeProperties(ledgerHome).getProperty("database.jdbcUrl", "");
        }
        String bridgeUrl = node.get("bridge-health-url").asString().orElse("");
        if (bridgeUrl.isBlank()) {
            bridgeUrl = nodeProperties(ledgerHome).getProperty("bridge.healthUrl", "");
        }
        return new NodeConfig(ledgerHome, node.get("org").asString().get(), node.get("identity").asString().get(),
                node.get("compliance-identity").asString().get(),
                new Mirror(jdbcUrl, mirror.get("user").asString().get(), mirror.get("password").asString().orElse(""),
                        mirror.get("pool-size-max").asInt().get()),
                URI.create(bridgeUrl + "/health/ready"),
                node.get("min-block-wait-max").as(Duration.class).get(), node.get("page-size-max").asInt().get(),
                node.get("page-size-default").asInt().get(), node.get("conflict-retries-max").asInt().get(),
                new AccountWatch.Settings(node.get("watch-poll-interval").as(Duration.class).get(),
                        node.get("watch-streams-max").asInt().get(), node.get("watch-streams-per-caller-max").asInt().get()),
                node.get("reports-root").asString().filter(r -> !r.isBlank()).map(Path::of).orElse(ledgerHome.resolve("reports")),
                proof(node.get("proof"), ledgerHome),
                new RateLimit(node.get("rate-limit.requests-per-second").asDouble().get(), node.get("rate-limit.burst").asInt().get(),
                        node.get("rate-limit.refusals-per-second").asDouble().get(), node.get("rate-limit.refusal-burst").asInt().get()),
                auth(root.get("auth")), gateway(root.get("gateway")), consolidation(node.get("consolidation")),
                new SenderPacker.Settings(node.get("send-pack.items-max").asInt().get(), node.get("send-pack.queue-max").asInt().get()),
                new HoldExpiryConfig(node.get("hold-expiry.enabled").asBoolean().get(), node.get("hold-expiry.interval").as(Duration.class).get(),
                        node.get("hold-expiry.batch-max").asInt().get(), node.get("hold-expiry.in-flight-max").asInt().get()),
                node.get("statement.concurrent-max").asInt().get(), notifications(node.get("notifications"), jdbcUrl),
                webhooks(node.get("webhooks")), alerts(node.get("alerts")),
                io.ledgernode.node.console.ConsoleConfig.from(node.get("console")));
    }

    /** Schema notifications lives in the node's own database unless another is named. */
    private static NotificationDatabase.Settings notifications(Config notifications, String nodeJdbcUrl) {
        String url = notifications.get("jdbc-url").asString().orElse("");
        return new NotificationDatabase.Settings(url.isBlank() ? nodeJdbcUrl : url, notifications.get("user").asString().get(),
                notifications.get("password").asString().orElse(""), notifications.get("pool-size-max").asInt().get());
    }

    private static AlertConfig alerts(Config alerts) {
        List<AlertConfig.Threshold> thresholds = alerts.get("large-value").asNodeList().orElse(List.of()).stream()
                .map(t -> new AlertConfig.Threshold(t.get("jurisdiction").asString().get(), t.get("asset").asString().get(),
                        t.get("minor").asLong().get())).toList();
        return new AlertConfig(alerts.get("enabled").asBoolean().get(), alerts.get("scan-interval").as(Duration.class).get(),
                alerts.get("batch-max").asInt().get(), thresholds, alerts.get("structuring.ratio-percent").asInt().get(),
                alerts.get("structuring.count").asInt().get(), alerts.get("structuring.window").as(Duration.class).get());
    }

    private static WebhookConfig webhooks(Config webhooks) {
        return new WebhookConfig(webhooks.get("poll-interval").as(Duration.class).get(), webhooks.get("request-timeout").as(Duration.class).get(),
                webhooks.get("backoff-initial").as(Duration.class).get(), webhooks.get("backoff-max").as(Duration.class).get(),
                webhooks.get("dead-letter-after").as(Duration.class).get(), webhooks.get("per-round-max").asInt().get(),
                webhooks.get("subscriptions-per-caller-max").asInt().get(), webhooks.get("private-addresses-allowed").asBoolean().get());
    }

    private static ConsolidationConfig consolidation(Config consolidation) {
        return new ConsolidationConfig(consolidation.get("enabled").asBoolean().get(),
                consolidation.get("interval").as(Duration.class).get(), consolidation.get("threshold").asInt().get(),
                consolidation.get("credits-per-consolidation-max").asInt().get(),
                consolidation.get("consolidations-per-account-max").asInt().get(),
                consolidation.get("accounts-per-round-max").asInt().get(), consolidation.get("blocks-per-round-max").asInt().get(),
                consolidation.get("tracked-accounts-max").asInt().get());
    }

    private static Gateway gateway(Config gateway) {
        return new Gateway(new GatewayTimeouts(gateway.get("evaluate-timeout").as(Duration.class).get(),
                gateway.get("endorse-timeout").as(Duration.class).get(), gateway.get("submit-timeout").as(Duration.class).get(),
                gateway.get("commit-status-timeout").as(Duration.class).get()),
                new EndorseRetry(gateway.get("endorse-attempts-max").asInt().get(),
                        gateway.get("endorse-backoff-initial").as(Duration.class).get(),
                        gateway.get("endorse-backoff-max").as(Duration.class).get()),
                orderRetry(gateway.get("order-retry-max").as(Duration.class).get(), gateway.get("reorder-after").as(Duration.class).get()),
                gateway.get("conflict-backoff-initial").as(Duration.class).get(),
                gateway.get("conflict-backoff-max").as(Duration.class).get(),
                gateway.get("commit-event-wait-max").as(Duration.class).get());
    }

    private static OrderRetry orderRetry(Duration within, Duration reorderAfter) {
        Duration most = Duration.ofMinutes(2);
        if (within.isNegative() || within.compareTo(most) > 0) {
            throw new IllegalArgumentException("gateway.order-retry-max must be in [PT0S, PT2M], got " + within);
        }
        if (reorderAfter.isNegative() || reorderAfter.compareTo(most) > 0) {
            throw new IllegalArgumentException("gateway.reorder-after must be in [PT0S, PT2M], got " + reorderAfter);
        }
        return OrderRetry.defaults().within(within).reorderAfter(reorderAfter);
    }

    private static Proof proof(Config proof, Path ledgerHome) {
        Map<String, URI> attesters = new TreeMap<>();
        for (Config attester : proof.get("attesters").asNodeList().orElse(List.of())) {
            attesters.put(attester.get("org").asString().get(), URI.create(attester.get("url").asString().get()));
        }
        if (attesters.isEmpty()) {
            Properties written = nodeProperties(ledgerHome);
            for (String key : written.stringPropertyNames()) {
                if (key.startsWith("attester.")) {
                    attesters.put(key.substring("attester.".length()), URI.create(written.getProperty(key)));
                }
            }
        }
        return new Proof(proof.get("read-timeout").as(Duration.class).get(), proof.get("headers-max").asInt().get(),
                proof.get("attestation-wait").as(Duration.class).get(), proof.get("attestation-retry-interval").as(Duration.class).get(),
                proof.get("attestations-required").asInt().get(), proof.get("remote-timeout").as(Duration.class).get(),
                proof.get("remote-bytes-max").asInt().get(), attesters);
    }

    private static AuthConfig auth(Config auth) {
        List<AuthConfig.TrustedIssuer> issuers = new ArrayList<>();
        for (Config issuer : auth.get("issuers").asNodeList().get()) {
            Optional<Path> file = issuer.get("jwks-file").asString().filter(s -> !s.isBlank()).map(Path::of);
            Optional<URI> url = issuer.get("jwks-url").asString().filter(s -> !s.isBlank()).map(URI::create);
            issuers.add(new AuthConfig.TrustedIssuer(issuer.get("issuer").asString().get(), file, url));
        }
        return new AuthConfig(issuers, auth.get("audience").asString().get(),
                new HashSet<>(auth.get("algorithms").asList(String.class).get()), auth.get("clock-skew").as(Duration.class).get(),
                auth.get("token-lifetime-max").as(Duration.class).get(),
                new AuthConfig.TokenCache(auth.get("token-cache.entries-max").asInt().get(),
                        auth.get("token-cache.lifetime-max").as(Duration.class).get()));
    }

    private static Properties nodeProperties(Path ledgerHome) {
        Properties properties = new Properties();
        Path file = ledgerHome.resolve("network").resolve("node.properties");
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (is the node up?)", e);
        }
        return properties;
    }
}
