package io.ledgernode.node.auth;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How tokens are verified: which issuers are trusted (and where their keys are), the audience this node expects, the
 * signature algorithms accepted, the clock skew tolerated and the longest token lifetime accepted.
 *
 * @param issuers the trusted issuers, at least one, each named once
 * @param audience the {@code aud} value a token must carry
 * @param algorithms the accepted JWS algorithms, each an asymmetric one ({@link #ALGORITHMS_ALLOWED})
 * @param clockSkew how far {@code exp} and {@code nbf} may be off, at most {@link #CLOCK_SKEW_MAX}
 * @param tokenLifetimeMax the longest lifetime ({@code exp - iat}, or {@code exp - now} without {@code iat}) accepted
 * @param tokenCache the cache of tokens already verified
 */
public record AuthConfig(List<TrustedIssuer> issuers, String audience, Set<String> algorithms, Duration clockSkew,
        Duration tokenLifetimeMax, TokenCache tokenCache) {

    /**
     * The asymmetric JWS algorithms a configuration may name. HMAC ({@code HS*}) is never among them: its key is a
     * shared secret, and a verifier that accepted it could be fooled with the issuer's public key used as the secret.
     */
    static final List<String> ALGORITHMS_ALLOWED =
            List.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA");

    static final Duration CLOCK_SKEW_MAX = Duration.ofMinutes(5);

    public AuthConfig {
        issuers = List.copyOf(Objects.requireNonNull(issuers, "issuers"));
        Objects.requireNonNull(audience, "audience");
        algorithms = Set.copyOf(Objects.requireNonNull(algorithms, "algorithms"));
        Objects.requireNonNull(clockSkew, "clockSkew");
        Objects.requireNonNull(tokenLifetimeMax, "tokenLifetimeMax");
        Objects.requireNonNull(tokenCache, "tokenCache");
        requireDistinctIssuers(issuers);
        if (audience.isBlank()) {
            throw new IllegalArgumentException("audience must not be blank");
        }
        requireAllowedAlgorithms(algorithms);
        if (clockSkew.isNegative() || clockSkew.compareTo(CLOCK_SKEW_MAX) > 0) {
            throw new IllegalArgumentException("clockSkew " + clockSkew + " is outside [PT0S, " + CLOCK_SKEW_MAX + "]");
        }
        if (!tokenLifetimeMax.isPositive()) {
            throw new IllegalArgumentException("tokenLifetimeMax " + tokenLifetimeMax + " must be positive");
        }
    }

    /**
     * Tokens already verified, remembered so that a caller's next request with the same token skips the signature check
     * (about four fifths of a read's CPU). An entry lives at most {@code lifetimeMax} and never past the token's own
     * {@code exp}; the token's times are checked again on every hit; the whole cache is emptied when an issuer's key
     * set changes.
     *
     * @param entriesMax the most tokens remembered at once (the least useful are dropped first); 0 turns the cache off
     * @param lifetimeMax the longest an entry is kept, however long its token still runs
     */
    public record TokenCache(int entriesMax, Duration lifetimeMax) {

        /** A million entries of a few hundred bytes each is already a few hundred megabytes of heap. */
        static final int ENTRIES_MAX = 1_000_000;

        public TokenCache {
            Objects.requireNonNull(lifetimeMax, "lifetimeMax");
            if (entriesMax < 0 || entriesMax > ENTRIES_MAX) {
                throw new IllegalArgumentException("auth.token-cache.entries-max " + entriesMax + " is outside [0, " + ENTRIES_MAX + "]");
            }
            if (!lifetimeMax.isPositive()) {
                throw new IllegalArgumentException("auth.token-cache.lifetime-max " + lifetimeMax + " must be positive");
            }
        }
    }

    private static void requireDistinctIssuers(List<TrustedIssuer> issuers) {
        if (issuers.isEmpty()) {
            throw new IllegalArgumentException("at least one trusted issuer is needed");
        }
        Set<String> seen = new HashSet<>();
        for (TrustedIssuer issuer : issuers) {
            if (!seen.add(issuer.issuer())) {
                throw new IllegalArgumentException("issuer " + issuer.issuer() + " is configured twice");
            }
        }
    }

    private static void requireAllowedAlgorithms(Set<String> algorithms) {
        if (algorithms.isEmpty()) {
            throw new IllegalArgumentException("at least one algorithm is needed");
        }
        for (String algorithm : algorithms) {
            if (!ALGORITHMS_ALLOWED.contains(algorithm)) {
                throw new IllegalArgumentException(
                        "algorithm " + algorithm + " is not allowed; use one of " + ALGORITHMS_ALLOWED);
            }
        }
    }

    /**
     * An issuer whose tokens are accepted, with the one place its public keys come from: a local JWKS file (read once,
     * when the verifier is created) or a JWKS URL (fetched and cached).
     *
     * @param issuer the exact {@code iss} value of its tokens
     * @param jwksFile a local JSON Web Key Set file of public keys
     * @param jwksUrl an {@code https} (or {@code http}) URL of its JSON Web Key Set
     */
    public record TrustedIssuer(String issuer, Optional<Path> jwksFile, Optional<URI> jwksUrl) {

        public TrustedIssuer {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(jwksFile, "jwksFile");
            Objects.requireNonNull(jwksUrl, "jwksUrl");
            if (issuer.isBlank()) {
                throw new IllegalArgumentException("issuer must not be blank");
            }
            if (jwksFile.isPresent() == jwksUrl.isPresent()) {
                throw new IllegalArgumentException("issuer " + issuer + " needs exactly one of jwksFile and jwksUrl");
            }
            jwksUrl.ifPresent(url -> requireHttpUrl(issuer, url));
        }

        private static void requireHttpUrl(String issuer, URI url) {
            String scheme = url.getScheme();
            if (!url.isAbsolute() || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
                throw new IllegalArgumentException("jwksUrl of issuer " + issuer + " must be an http(s) URL: " + url);
            }
        }
    }
}
