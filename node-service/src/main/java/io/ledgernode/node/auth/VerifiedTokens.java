package io.ledgernode.node.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Tokens already verified, so that a caller's next request with the same token skips the signature check. Keyed by
 * the SHA-256 of the token (never the token itself: the heap holds no bearer token a dump could replay); the whole
 * token is hashed, so a token that differs from a remembered one in any character (a tampered signature, claims) is
 * a miss and goes through the full check.
 *
 * <p>An entry lives {@code min(lifetimeMax, exp - now)}: never past its token's expiry. A hit is used only while the
 * clock is inside the token's own window ({@code nbf} minus the skew up to {@code exp}); outside it the caller gets
 * the full check again, so the answer (accepted, or which refusal) is always the one an uncached check would give.
 * Only a token that passed every check is remembered. Thread-safe.
 */
final class VerifiedTokens {

    private final Cache<TokenDigest, Verified> cache;
    private final Clock clock;
    private final Duration clockSkew;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    /** Moves on at every {@link #clear}: a check begun under keys since replaced must not be remembered. */
    private final AtomicLong keysEpoch = new AtomicLong();

    private VerifiedTokens(Cache<TokenDigest, Verified> cache, Clock clock, Duration clockSkew) {
        this.cache = cache;
        this.clock = clock;
        this.clockSkew = clockSkew;
    }

    /**
     * A cache under {@code config}, reading "now" for the token's times from {@code clock} and measuring entries'
     * lifetimes with {@code ticker}; with {@code entriesMax} 0, one that remembers nothing.
     */
    static VerifiedTokens create(AuthConfig.TokenCache config, Duration clockSkew, Clock clock, Ticker ticker) {
        Cache<TokenDigest, Verified> cache = config.entriesMax() == 0 ? null : Caffeine.newBuilder()
                .maximumSize(config.entriesMax())
                .expireAfter(new UntilExpiry(config.lifetimeMax(), clock))
                .ticker(ticker)
                // Housekeeping (eviction, expiry) on the calling thread: a few microseconds, and no pool of its own.
                .executor(Runnable::run)
                .build();
        return new VerifiedTokens(cache, clock, clockSkew);
    }

    /** The digest a token is remembered under. */
    static TokenDigest digest(String token) {
        try {
            byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            ByteBuffer bytes = ByteBuffer.wrap(sha256);
            return new TokenDigest(bytes.getLong(), bytes.getLong(), bytes.getLong(), bytes.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The caller of a token verified before, if it is remembered and its time window holds now. */
    Optional<Caller> find(TokenDigest digest) {
        if (cache == null) {
            return Optional.empty();
        }
        Verified verified = cache.getIfPresent(digest);
        Instant now = clock.instant();
        if (verified == null || !verified.holdsAt(now, clockSkew)) {
            misses.increment();
            return Optional.empty();
        }
        hits.increment();
        return Optional.of(verified.caller());
    }

    /** The key sets' epoch now; read it before a full check and hand it to {@link #remember}. */
    long keysEpoch() {
        return keysEpoch.get();
    }

    /**
     * Remembers a token that has just passed every check begun at {@code epoch}, unless the keys changed meanwhile (a
     * clear between the check and the put, or during the put, would otherwise leave its entry behind).
     */
    void remember(TokenDigest digest, Caller caller, Optional<Instant> notBefore, long epoch) {
        if (cache == null) {
            return;
        }
        cache.put(digest, new Verified(caller, notBefore));
        if (keysEpoch.get() != epoch) {
            cache.invalidate(digest);
        }
    }

    /** Forgets every token: an issuer's keys changed, and what they proved must be proved again. */
    void clear() {
        keysEpoch.incrementAndGet();
        if (cache != null) {
            cache.invalidateAll();
        }
    }

    /** Tokens remembered now (after expired and evicted entries are dropped). */
    long size() {
        if (cache == null) {
            return 0;
        }
        cache.cleanUp();
        return cache.estimatedSize();
    }

    long hits() {
        return hits.sum();
    }

    long misses() {
        return misses.sum();
    }

    /** The SHA-256 of a token, as four longs (cheap to hash and compare). */
    record TokenDigest(long first, long second, long third, long fourth) {
    }

    /** What a verified token proved, and the start of its window ({@code nbf}), when it has one. */
    private record Verified(Caller caller, Optional<Instant> notBefore) {

        /** Strictly before {@code exp}: the cache never decides about a token at or past its expiry. */
        boolean holdsAt(Instant now, Duration clockSkew) {
            return now.isBefore(caller.expiresAt()) && notBefore.map(nbf -> !now.isBefore(nbf.minus(clockSkew))).orElse(true);
        }
    }

    /** An entry's lifetime: {@code min(lifetimeMax, exp - now)}, never negative. */
    private static final class UntilExpiry implements Expiry<TokenDigest, Verified> {

        private final long lifetimeMaxNanos;
        private final Clock clock;

        UntilExpiry(Duration lifetimeMax, Clock clock) {
            this.lifetimeMaxNanos = lifetimeMax.toNanos();
            this.clock = clock;
        }

        @Override
        public long expireAfterCreate(TokenDigest key, Verified value, long currentTime) {
            Duration untilExpiry = Duration.between(clock.instant(), value.caller().expiresAt());
            if (untilExpiry.isNegative()) {
                return 0;
            }
            // Compared as seconds first: a far expiry in nanoseconds would overflow a long.
            return untilExpiry.toSeconds() >= lifetimeMaxNanos / 1_000_000_000L ? lifetimeMaxNanos
                    : Math.min(lifetimeMaxNanos, untilExpiry.toNanos());
        }

        @Override
        public long expireAfterUpdate(TokenDigest key, Verified value, long currentTime, long currentDuration) {
            return expireAfterCreate(key, value, currentTime);
        }

        @Override
        public long expireAfterRead(TokenDigest key, Verified value, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
