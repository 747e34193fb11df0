package io.ledgernode.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped application.yaml holds every setting NodeConfig reads: a missing one would only show at startup. */
class NodeConfigTest {

    @Test
    void the_shipped_defaults_give_every_setting_the_refusal_limit_included() throws IOException {
        Path home = Files.createTempDirectory("ledger-home");
        Files.createDirectories(home.resolve("network"));
        Files.writeString(home.resolve("network").resolve("node.properties"),
                "database.jdbcUrl=jdbc:postgresql://127.0.0.1:5432/ledger\nbridge.healthUrl=http://127.0.0.1:9000\n");
        Config root = Config.builder()
                .sources(ConfigSources.create(Map.of("node.ledger-home", home.toString(),
                        "auth.issuers.0.issuer", "ledger-node-dev", "auth.issuers.0.jwks-file", home.resolve("jwks.json").toString())), ConfigSources.classpath("application.yaml"))
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .build();

        NodeConfig config = NodeConfig.from(root);

        assertThat(config.rateLimit()).isEqualTo(new NodeConfig.RateLimit(50, 100, 1, 30));
    }
}
