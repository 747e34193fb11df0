package io.ledgernode.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.ledgernode.gateway.EndorseRetry;
import io.ledgernode.gateway.GatewayTimeouts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped application.yaml holds every setting NodeConfig reads: a missing one would only show at startup. */
class NodeConfigTest {

    @Test
    void the_shipped_defaults_give_every_setting_the_refusal_limit_included() throws IOException {
        NodeConfig config = shipped();

        assertThat(config.rateLimit()).isEqualTo(new NodeConfig.RateLimit(50, 100, 1, 30));
    }

    @Test
    void an_operators_file_given_with_config_overrides_the_shipped_defaults_and_keeps_the_others() throws IOException {
        Path home = ledgerHome();
        Path file = Files.createTempFile("node-service", ".yaml");
        Files.writeString(file, "node:\n  ledger-home: " + home + "\n  rate-limit:\n    requests-per-second: 2000\n    burst: 4000\n"
                + "auth:\n  issuers:\n    - issuer: ledger-node-dev\n      jwks-file: " + home.resolve("jwks.json") + "\n");

        NodeConfig config = NodeConfig.from(NodeConfig.root(List.of("--config", file.toString())));

        assertThat(config.rateLimit()).isEqualTo(new NodeConfig.RateLimit(2000, 4000, 1, 30));
        assertThat(config.gateway().endorseRetry()).isEqualTo(new EndorseRetry(16, Duration.ofMillis(20), Duration.ofSeconds(1)));
    }

    @Test
    void a_system_property_still_wins_over_the_operators_file() throws IOException {
        // The scripts give each org's node its ports and home as -D properties; a file must not take them away.
        Path file = Files.createTempFile("node-service", ".yaml");
        Files.writeString(file, "server:\n  port: 9999\n");
        System.setProperty("server.port", "8181");
        try {
            assertThat(NodeConfig.root(List.of("--config", file.toString())).get("server.port").asInt().get()).isEqualTo(8181);
        } finally {
            System.clearProperty("server.port");
        }
        assertThat(NodeConfig.root(List.of("--config", file.toString())).get("server.port").asInt().get()).isEqualTo(9999);
    }

    @Test
    void a_configuration_file_that_is_not_there_is_refused_naming_it() {
        assertThatThrownBy(() -> NodeConfig.root(List.of("--config", "/nonexistent/node-service.yaml")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the configuration file /nonexistent/node-service.yaml is not there (--config)");
    }

    @Test
    void an_argument_node_service_does_not_know_is_refused_with_its_usage() {
        assertThatThrownBy(() -> NodeConfig.root(List.of("--confg", "x.yaml")))
                .hasMessage("usage: node-service [--config FILE] (not understood: --confg)");
        assertThatThrownBy(() -> NodeConfig.root(List.of("--config")))
                .hasMessage("usage: node-service [--config FILE] (not understood: --config)");
    }

    /** The configuration from the shipped application.yaml alone (with a ledger home and an issuer's key file). */
    private static NodeConfig shipped() throws IOException {
        Path home = ledgerHome();
        Config root = Config.builder()
                .sources(ConfigSources.create(Map.of("node.ledger-home", home.toString(),
                        "auth.issuers.0.issuer", "ledger-node-dev", "auth.issuers.0.jwks-file", home.resolve("jwks.json").toString())), ConfigSources.classpath("application.yaml"))
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .build();

        return NodeConfig.from(root);
    }

    /** A ledger home with the node.properties that `up` writes. */
    private static Path ledgerHome() throws IOException {
        Path home = Files.createTempDirectory("ledger-home");
        Files.createDirectories(home.resolve("network"));
        Files.writeString(home.resolve("network").resolve("node.properties"),
                "database.jdbcUrl=jdbc:postgresql://127.0.0.1:5432/ledger\nbridge.healthUrl=http://127.0.0.1:9000\n");
        return home;
    }

    @Test
    void the_shipped_gateway_settings_are_the_deadlines_and_retries_the_node_always_used() throws IOException {
        NodeConfig.Gateway gateway = shipped().gateway();

        assertThat(gateway.timeouts()).isEqualTo(GatewayTimeouts.defaults());
        // Twice the library's attempts: about 11 s for another org's peer to catch up after its block source's host was
        // cut off (the BFT consortium test's leader cut), where the library's 4 s answered a transfer 503.
        assertThat(gateway.endorseRetry()).isEqualTo(new EndorseRetry(16, Duration.ofMillis(20), Duration.ofSeconds(1)));
        assertThat(gateway.conflictBackoffInitial()).isEqualTo(Duration.ofMillis(25));
        assertThat(gateway.conflictBackoffMax()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void the_shipped_consolidation_settings_fold_hot_accounts_past_64_unfolded_credits() throws IOException {
        assertThat(shipped().consolidation()).isEqualTo(new io.ledgernode.node.consolidation.ConsolidationConfig(true,
                Duration.ofSeconds(1), 64, 500, 10, 20, 10_000, 100_000));
    }

    @Test
    void a_consolidation_threshold_of_zero_is_refused() {
        assertThatThrownBy(() -> new io.ledgernode.node.consolidation.ConsolidationConfig(true, Duration.ofSeconds(1), 0, 100,
                10, 20, 10_000, 100_000)).hasMessageContaining("node.consolidation.threshold");
    }

    @Test
    void a_transaction_the_ordering_service_did_not_take_is_retried_for_thirty_seconds_by_default() throws Exception {
        assertThat(shipped().gateway().orderRetry().within()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void a_conflict_backoff_whose_cap_is_below_its_start_is_refused() {
        assertThatThrownBy(() -> new NodeConfig.Gateway(GatewayTimeouts.defaults(), EndorseRetry.defaults(), io.ledgernode.gateway.OrderRetry.defaults(), Duration.ofSeconds(2),
                Duration.ofSeconds(1), Duration.ofSeconds(10))).hasMessageContaining("gateway.conflict-backoff-initial");
        assertThatThrownBy(() -> new NodeConfig.Gateway(GatewayTimeouts.defaults(), EndorseRetry.defaults(), io.ledgernode.gateway.OrderRetry.defaults(), Duration.ZERO,
                Duration.ofSeconds(1), Duration.ofMinutes(2))).hasMessageContaining("gateway.commit-event-wait-max");
    }
}
