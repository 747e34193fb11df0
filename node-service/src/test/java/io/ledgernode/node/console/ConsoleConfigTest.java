package io.ledgernode.node.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The console's settings: an identity provider is the one other origin its pages may connect to, and nothing else. */
class ConsoleConfigTest {

    @Test
    void an_identity_provider_s_origin_is_its_scheme_host_and_port_only() {
        ConsoleConfig.Oidc oidc = new ConsoleConfig.Oidc(URI.create("https://login.bank.example:8443/realms/ledger"), "console",
                "openid", "");
        assertThat(oidc.origin()).isEqualTo("https://login.bank.example:8443");
    }

    @Test
    void an_identity_provider_without_a_client_id_or_an_http_url_is_refused_at_start() {
        assertThatThrownBy(() -> new ConsoleConfig.Oidc(URI.create("https://idp.example"), "", "openid", ""))
                .hasMessageContaining("client-id");
        assertThatThrownBy(() -> new ConsoleConfig.Oidc(URI.create("javascript:alert(1)"), "c", "openid", ""))
                .hasMessageContaining("http(s)");
    }

    @Test
    void a_development_token_lifetime_beyond_eight_hours_is_refused_at_start() {
        assertThatThrownBy(() -> new ConsoleConfig(true, Optional.empty(), Duration.ofHours(9), Optional.empty()))
                .hasMessageContaining("dev-token-ttl");
    }

    @Test
    void the_policy_names_the_identity_provider_in_connect_src_and_nowhere_else() {
        ConsoleConfig config = new ConsoleConfig(true, Optional.empty(), Duration.ofMinutes(5),
                Optional.of(new ConsoleConfig.Oidc(URI.create("https://idp.example/realm"), "console", "openid", "")));
        String policy = new ConsoleService(config, ConsoleFiles.none(), "ledger-node", Clock.systemUTC()).policy();
        assertThat(policy).contains("connect-src 'self' https://idp.example;").contains("script-src 'self';");
        assertThat(policy.indexOf("idp.example")).isEqualTo(policy.lastIndexOf("idp.example"));
    }
}
