package io.ledgernode.node.auth;

import static io.ledgernode.node.auth.TestTokens.NOW;
import static io.ledgernode.node.auth.TestTokens.bearer;
import static io.ledgernode.node.auth.TestTokens.walletClaims;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import io.ledgernode.node.auth.AuthException.Reason;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16 item 1: verified tokens are remembered, but never beyond what a full check would still accept. */
class TokenCacheTest {

    @TempDir
    Path dir;

    private final MovingClock clock = new MovingClock(NOW);
    private ECKey key;
    private Path jwks;

    @BeforeEach
    void trustOneKey() {
        key = TestTokens.ecKey("trusted-1");
        jwks = TestTokens.writeJwks(dir, key);
    }

    @Test
    void a_second_request_with_the_same_token_is_answered_from_the_cache() throws AuthException {
        TokenVerifier verifier = verifier(100, Duration.ofMinutes(5));
        String token = bearer(key, walletClaims().build());

        Caller first = verifier.verify(token);
        Caller second = verifier.verify(token);

        assertThat(second).isEqualTo(first);
        assertThat(verifier.cacheHits()).isEqualTo(1);
        assertThat(verifier.cacheMisses()).isEqualTo(1);
    }

    @Test
    void a_token_cached_while_valid_is_refused_once_it_has_expired() throws AuthException {
        TokenVerifier verifier = verifier(100, Duration.ofMinutes(5));
        String token = bearer(key, walletClaims().expirationTime(Date.from(NOW.plusSeconds(60))).build());
        verifier.verify(token);

        // The wall clock passes exp plus the skew while the cache's own timer has not moved (its entry is still there).
        clock.wallOnly(Duration.ofSeconds(95));

        assertThat(verifier.cacheSize()).isEqualTo(1);
        assertThatThrownBy(() -> verifier.verify(token))
                .isInstanceOfSatisfying(AuthException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EXPIRED));
    }

    @Test
    void an_entry_never_outlives_its_token() throws AuthException {
        TokenVerifier verifier = verifier(100, Duration.ofMinutes(5));
        verifier.verify(bearer(key, walletClaims().expirationTime(Date.from(NOW.plusSeconds(60))).build()));

        clock.advance(Duration.ofSeconds(59));
        assertThat(verifier.cacheSize()).as("just before exp").isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(verifier.cacheSize()).as("at exp").isZero();
    }

    @Test
    void an_entry_lives_at_most_the_configured_lifetime() throws AuthException {
        TokenVerifier verifier = verifier(100, Duration.ofMinutes(2));
        String token = bearer(key, walletClaims().build());
        verifier.verify(token);

        clock.advance(Duration.ofMinutes(2));

        assertThat(verifier.cacheSize()).isZero();
        verifier.verify(token);
        assertThat(verifier.cacheMisses()).as("checked in full again").isEqualTo(2);
    }

    @Test
    void a_tampered_token_sharing_the_cached_tokens_prefix_is_not_a_hit() throws AuthException {
        TokenVerifier verifier = verifier(100, Duration.ofMinutes(5));
        String token = bearer(key, walletClaims().build());
        verifier.verify(token);
        // A character inside the signature: the last one carries padding bits too, and a change of those alone would
        // decode to the same signature.
        int at = token.length() - 5;
        String tampered = token.substring(0, at) + (token.charAt(at) == 'A' ? 'Q' : 'A') + token.substring(at + 1);

        assertThatThrownBy(() -> verifier.verify(tampered))
                .isInstanceOfSatisfying(AuthException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE));
        assertThat(verifier.cacheHits()).isZero();
    }

    @Test
    void a_refused_token_is_never_remembered() {
        TokenVerifier verifier = verifier(100, Duration.ofMinutes(5));
        String wrongAudience = bearer(key, walletClaims().audience("someone-else").build());

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> verifier.verify(wrongAudience))
                    .isInstanceOfSatisfying(AuthException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_AUDIENCE));
        }
        assertThat(verifier.cacheSize()).isZero();
        assertThat(verifier.cacheHits()).isZero();
    }

    @Test
    void the_cache_holds_at_most_its_configured_entries() throws AuthException {
        TokenVerifier verifier = verifier(3, Duration.ofMinutes(5));

        for (int i = 0; i < 20; i++) {
            verifier.verify(bearer(key, walletClaims().subject("caller-" + i).build()));
        }

        assertThat(verifier.cacheSize()).isLessThanOrEqualTo(3);
    }

    @Test
    void with_no_entries_allowed_every_request_is_checked_in_full() throws AuthException {
        TokenVerifier verifier = verifier(0, Duration.ofMinutes(5));
        String token = bearer(key, walletClaims().build());

        verifier.verify(token);
        verifier.verify(token);

        assertThat(verifier.cacheHits()).isZero();
        assertThat(verifier.cacheSize()).isZero();
    }

    @Test
    void the_metrics_count_hits_and_misses() throws AuthException {
        TokenVerifier verifier = verifier(100, Duration.ofMinutes(5));
        io.ledgernode.node.health.NodeMetrics metrics = new io.ledgernode.node.health.NodeMetrics(() -> 0);
        metrics.tokenCache(verifier::cacheHits, verifier::cacheMisses);
        String token = bearer(key, walletClaims().build());

        for (int i = 0; i < 3; i++) {
            verifier.verify(token);
        }

        String scraped = new String(metrics.scrape(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(scraped).contains("ledger_auth_token_cache_requests_total{result=\"hit\"} 2")
                .contains("ledger_auth_token_cache_requests_total{result=\"miss\"} 1");
    }

    @Test
    void a_changed_key_set_empties_the_cache() {
        VerifiedTokens tokens = VerifiedTokens.create(TestTokens.TOKEN_CACHE, TestTokens.CLOCK_SKEW, clock, clock);
        AtomicInteger changes = new AtomicInteger();
        KeySetChanges watch = new KeySetChanges(() -> {
            changes.incrementAndGet();
            tokens.clear();
        });
        tokens.remember(VerifiedTokens.digest("a.b.c"), caller(), java.util.Optional.empty(), tokens.keysEpoch());
        ECKey rotated = TestTokens.ecKey("trusted-2");

        watch.seen(new JWKSet(key.toPublicJWK()));
        watch.seen(new JWKSet(key.toPublicJWK()));
        assertThat(tokens.size()).as("the first set, then the same set again").isEqualTo(1);

        watch.seen(new JWKSet(java.util.List.of(rotated.toPublicJWK(), key.toPublicJWK())));
        assertThat(changes).hasValue(1);
        assertThat(tokens.size()).as("after a key was added").isZero();

        tokens.remember(VerifiedTokens.digest("a.b.c"), caller(), java.util.Optional.empty(), tokens.keysEpoch());
        watch.seen(new JWKSet(rotated.toPublicJWK()));
        assertThat(changes).hasValue(2);
        assertThat(tokens.size()).as("after the old key was removed").isZero();
    }

    @Test
    void a_check_begun_before_the_keys_changed_is_not_remembered() {
        VerifiedTokens tokens = VerifiedTokens.create(TestTokens.TOKEN_CACHE, TestTokens.CLOCK_SKEW, clock, clock);
        long epoch = tokens.keysEpoch();

        tokens.clear();
        tokens.remember(VerifiedTokens.digest("a.b.c"), caller(), java.util.Optional.empty(), epoch);

        assertThat(tokens.size()).isZero();
    }

    private static Caller caller() {
        return new Caller("alice", TestTokens.ISSUER, Set.of(Role.OPERATOR), Set.of(), java.util.Optional.empty(),
                java.util.Optional.empty(), NOW.plusSeconds(600));
    }

    private TokenVerifier verifier(int entriesMax, Duration lifetimeMax) {
        AuthConfig config = TestTokens.config(jwks, Set.of("ES256"));
        AuthConfig cached = new AuthConfig(config.issuers(), config.audience(), config.algorithms(), config.clockSkew(),
                config.tokenLifetimeMax(), new AuthConfig.TokenCache(entriesMax, lifetimeMax));
        return TokenVerifier.create(cached, clock, clock);
    }

    /** A wall clock and a cache timer the test moves by hand, together or (to catch a stale entry) the wall clock alone. */
    private static final class MovingClock extends Clock implements Ticker {
        private volatile Instant now;
        private volatile long nanos;

        MovingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
            nanos += by.toNanos();
        }

        void wallOnly(Duration by) {
            now = now.plus(by);
        }

        @Override
        public long read() {
            return nanos;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
