package io.ledgernode.node.console;

import io.helidon.config.Config;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The console's settings ({@code node.console.*} in application.yaml, where every default is).
 *
 * @param enabled whether {@code /console/} is served at all
 * @param devSignInKeyDir the local development key's directory: when set, a caller on loopback may take a token for a
 *     role of its choice in one click ({@code POST /console/dev-sign-in}); never set on a production node
 * @param devTokenTtl how long such a token lives
 * @param oidc the identity provider the console signs in with (authorization code flow with PKCE), when configured
 */
public record ConsoleConfig(boolean enabled, Optional<Path> devSignInKeyDir, Duration devTokenTtl, Optional<Oidc> oidc) {

    /** A development token lives at most this long (the verifier's own lifetime cap may be lower). */
    static final Duration DEV_TOKEN_TTL_MAX = Duration.ofHours(8);

    public ConsoleConfig {
        Objects.requireNonNull(devSignInKeyDir, "devSignInKeyDir");
        Objects.requireNonNull(oidc, "oidc");
        if (!devTokenTtl.isPositive() || devTokenTtl.compareTo(DEV_TOKEN_TTL_MAX) > 0) {
            throw new IllegalArgumentException("node.console.dev-token-ttl must be in (PT0S, " + DEV_TOKEN_TTL_MAX + "]");
        }
    }

    /**
     * An OpenID Connect provider: the console discovers its endpoints at {@code issuer/.well-known/openid-configuration},
     * signs in as public client {@code clientId} with PKCE (S256), asks for {@code scope} (and {@code audience}, for
     * providers that issue API tokens per audience), and sends the access token to the API. The node must trust the
     * same issuer under {@code auth.issuers}.
     */
    public record Oidc(URI issuer, String clientId, String scope, String audience) {
        public Oidc {
            Objects.requireNonNull(issuer, "issuer");
            if (!issuer.isAbsolute() || !("https".equals(issuer.getScheme()) || "http".equals(issuer.getScheme()))) {
                throw new IllegalArgumentException("node.console.oidc.issuer must be an http(s) URL: " + issuer);
            }
            if (clientId == null || clientId.isBlank()) {
                throw new IllegalArgumentException("node.console.oidc.client-id is needed with node.console.oidc.issuer");
            }
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(audience, "audience");
        }

        /** The provider's origin (scheme, host, port): the only other origin the console's pages may connect to. */
        public String origin() {
            return issuer.getScheme() + "://" + issuer.getRawAuthority();
        }
    }

    public static ConsoleConfig from(Config console) {
        String dir = console.get("dev-sign-in-key-dir").asString().orElse("");
        String issuer = console.get("oidc.issuer").asString().orElse("");
        Optional<Oidc> oidc = issuer.isBlank() ? Optional.empty()
                : Optional.of(new Oidc(URI.create(issuer), console.get("oidc.client-id").asString().orElse(""),
                        console.get("oidc.scope").asString().get(), console.get("oidc.audience").asString().orElse("")));
        return new ConsoleConfig(console.get("enabled").asBoolean().get(), dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir)),
                console.get("dev-token-ttl").as(Duration.class).get(), oidc);
    }
}
