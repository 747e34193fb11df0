package io.ledgernode.node.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import io.ledgernode.node.auth.AuthConfig.TrustedIssuer;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;

/** Where an issuer's public keys come from: only the configuration, never the token. */
final class IssuerKeys {

    /** A key set is a few kilobytes; anything this large is not one. */
    static final long JWKS_FILE_BYTES_MAX = 1024 * 1024;

    private IssuerKeys() {}

    /**
     * The issuer's keys. A JWKS file is read once, so its keys change only with a restart; a JWKS URL's set is fetched
     * again from time to time, and {@code keysChanged} runs whenever a fetch brings a set different from the one before.
     */
    static JWKSource<SecurityContext> of(TrustedIssuer issuer, Runnable keysChanged) {
        if (issuer.jwksFile().isPresent()) {
            return new ImmutableJWKSet<>(load(issuer.issuer(), issuer.jwksFile().orElseThrow()));
        }
        return fromUrl(issuer.issuer(), issuer.jwksUrl().orElseThrow(), new KeySetChanges(keysChanged));
    }

    /** Reads a JWKS file now, so that a missing or broken file stops the node at start rather than at the first call. */
    static JWKSet load(String issuer, Path file) {
        String where = "JWKS file " + file + " of issuer " + issuer;
        JWKSet keys;
        try {
            if (Files.size(file) > JWKS_FILE_BYTES_MAX) {
                throw new IllegalStateException(where + " is larger than " + JWKS_FILE_BYTES_MAX + " bytes");
            }
            keys = JWKSet.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(where + " cannot be read: " + e, e);
        } catch (ParseException e) {
            throw new IllegalStateException(where + " is not a valid JSON Web Key Set: " + e.getMessage(), e);
        }
        // A private or secret key here means the wrong file was configured; refuse rather than guess.
        if (keys.containsNonPublicKeys()) {
            throw new IllegalStateException(where + " holds private or secret keys; give it only public keys");
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException(where + " holds no keys");
        }
        return keys;
    }

    /**
     * Fetched on first use and cached, refreshed and rate-limited by nimbus's defaults; each completed fetch is shown
     * to {@code changes}.
     */
    private static JWKSource<SecurityContext> fromUrl(String issuer, URI url, KeySetChanges changes) {
        try {
            return JWKSourceBuilder.<SecurityContext>create(url.toURL())
                    .cache(JWKSourceBuilder.DEFAULT_CACHE_TIME_TO_LIVE, JWKSourceBuilder.DEFAULT_CACHE_REFRESH_TIMEOUT, changes)
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("jwksUrl " + url + " of issuer " + issuer + " is not a URL", e);
        }
    }
}
