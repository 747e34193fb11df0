package io.ledgernode.node.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.ledgernode.node.auth.AuthConfig.TrustedIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Keys, claims and signed tokens for the tests, at a fixed "now". */
final class TestTokens {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String ISSUER = "https://idp.example/realms/bank";
    static final String AUDIENCE = "ledger-node";
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    static final Duration LIFETIME_MAX = Duration.ofHours(1);
    static final AuthConfig.TokenCache TOKEN_CACHE = new AuthConfig.TokenCache(1_000, Duration.ofMinutes(5));

    private TestTokens() {}

    static ECKey ecKey(String keyId) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path writeJwks(Path dir, JWK... keys) {
        Path file = dir.resolve("jwks-" + System.nanoTime() + ".json");
        List<JWK> publicKeys = Arrays.stream(keys).map(JWK::toPublicJWK).toList();
        try {
            return Files.writeString(file, new JWKSet(publicKeys).toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AuthConfig config(Path jwksFile, Set<String> algorithms) {
        return new AuthConfig(List.of(new TrustedIssuer(ISSUER, Optional.of(jwksFile), Optional.empty())), AUDIENCE,
                algorithms, CLOCK_SKEW, LIFETIME_MAX, TestTokens.TOKEN_CACHE);
    }

    /** A wallet's claims, issued a minute ago and valid for ten more minutes. */
    static JWTClaimsSet.Builder walletClaims() {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("alice")
                .issueTime(Date.from(NOW.minusSeconds(60)))
                .expirationTime(Date.from(NOW.plusSeconds(600)))
                .claim("roles", List.of("wallet"))
                .claim("accounts", List.of("acc-1", "acc-2"));
    }

    static String bearer(ECKey key, JWTClaimsSet claims) {
        return bearer(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                signer(key), claims);
    }

    static String bearer(JWSHeader header, JWSSigner signer, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return "Bearer " + jwt.serialize();
    }

    static JWSSigner signer(ECKey key) {
        try {
            return new ECDSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
