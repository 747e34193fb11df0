package io.ledgernode.node.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgernode.node.auth.AuthConfig.TrustedIssuer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthConfigTest {

    private static final TrustedIssuer ISSUER =
            new TrustedIssuer("https://idp.example", Optional.of(Path.of("jwks.json")), Optional.empty());

    @ParameterizedTest
    @ValueSource(strings = {"HS256", "HS384", "HS512", "none", "NONE", "es256", "RSA-OAEP"})
    void refuses_an_algorithm_that_is_not_asymmetric_naming_it(String algorithm) {
        assertThatThrownBy(() -> config(Set.of("ES256", algorithm), Duration.ofSeconds(30), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(algorithm);
    }

    @Test
    void accepts_every_asymmetric_algorithm() {
        Set<String> all = Set.copyOf(AuthConfig.ALGORITHMS_ALLOWED);

        assertThat(config(all, Duration.ZERO, Duration.ofHours(1)).algorithms()).hasSize(10);
    }

    @Test
    void refuses_no_algorithms() {
        assertThatThrownBy(() -> config(Set.of(), Duration.ZERO, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refuses_no_issuers() {
        assertThatThrownBy(() -> new AuthConfig(List.of(), "aud", Set.of("ES256"), Duration.ZERO, Duration.ofHours(1), TestTokens.TOKEN_CACHE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refuses_the_same_issuer_twice() {
        assertThatThrownBy(() -> new AuthConfig(List.of(ISSUER, ISSUER), "aud", Set.of("ES256"), Duration.ZERO,
                Duration.ofHours(1), TestTokens.TOKEN_CACHE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("twice");
    }

    @Test
    void refuses_a_clock_skew_outside_zero_to_five_minutes() {
        assertThatThrownBy(() -> config(Set.of("ES256"), Duration.ofSeconds(-1), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> config(Set.of("ES256"), Duration.ofSeconds(301), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(config(Set.of("ES256"), Duration.ofMinutes(5), Duration.ofHours(1)).clockSkew())
                .isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void refuses_a_lifetime_maximum_that_is_not_positive() {
        assertThatThrownBy(() -> config(Set.of("ES256"), Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_trusted_issuer_needs_exactly_one_key_source() {
        assertThatThrownBy(() -> new TrustedIssuer("iss", Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrustedIssuer("iss", Optional.of(Path.of("jwks.json")),
                Optional.of(URI.create("https://idp.example/jwks"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_trusted_issuer_refuses_a_jwks_url_that_is_not_http() {
        assertThatThrownBy(() -> new TrustedIssuer("iss", Optional.empty(), Optional.of(URI.create("file:///etc/jwks"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void creating_a_verifier_with_EdDSA_fails_fast_when_tink_is_absent() {
        org.junit.jupiter.api.Assumptions.assumeFalse(tinkPresent());
        AuthConfig config = config(Set.of("EdDSA"), Duration.ZERO, Duration.ofHours(1));

        assertThatThrownBy(() -> TokenVerifier.create(config, TestTokens.CLOCK))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tink");
    }

    private static AuthConfig config(Set<String> algorithms, Duration clockSkew, Duration lifetimeMax) {
        return new AuthConfig(List.of(ISSUER), "aud", algorithms, clockSkew, lifetimeMax, TestTokens.TOKEN_CACHE);
    }

    private static boolean tinkPresent() {
        try {
            Class.forName("com.google.crypto.tink.subtle.Ed25519Verify");
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
