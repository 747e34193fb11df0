package io.ledgernode.node.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per subject (a caller, or a client address): {@code ratePerSecond} sustained, {@code burst} at once.
 * Past it, a 429 with Retry-After. The number of subjects tracked is bounded; idle buckets (full again) are dropped first.
 */
public final class RateLimiter {

    private static final int SUBJECTS_MAX = 100_000;

    private final double ratePerSecond;
    private final double burst;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long lastNanos;

        Bucket(double tokens, long lastNanos) {
            this.tokens = tokens;
            this.lastNanos = lastNanos;
        }
    }

    public RateLimiter(double ratePerSecond, int burst, Clock clock) {
        if (ratePerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate-limit needs a positive rate and a burst of at least 1");
        }
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
        this.clock = clock;
    }

    /** Takes one request's token for {@code subject}, or throws a 429 saying when to retry. */
    public void acquire(String subject) {
        take(subject, true);
    }

    /** Throws a 429 saying when to retry if {@code subject} has no token left; takes none. */
    public void requireToken(String subject) {
        take(subject, false);
    }

    /** Takes a token from {@code subject} if it has one: charges something already answered. */
    public void spend(String subject) {
        try {
            take(subject, true);
        } catch (ApiException e) {
            // Already empty: the next request is refused by requireToken.
        }
    }

    private void take(String subject, boolean consume) {
        long now = clock.instant().toEpochMilli() * 1_000_000L;
        if (buckets.size() >= SUBJECTS_MAX) {
            evictIdle(now);
        }
        Bucket bucket = buckets.computeIfAbsent(subject, s -> new Bucket(burst, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.lastNanos) / 1e9 * ratePerSecond);
            bucket.lastNanos = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= consume ? 1 : 0;
                return;
            }
            long waitSeconds = (long) Math.ceil((1 - bucket.tokens) / ratePerSecond);
            throw new ApiException(ApiErrorCode.Service.RATE_LIMITED,
                    "too many requests for this caller; retry in " + waitSeconds + " s").retryAfter(Duration.ofSeconds(Math.max(1, waitSeconds)));
        }
    }

    private void evictIdle(long now) {
        for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext(); ) {
            Bucket bucket = it.next();
            synchronized (bucket) {
                if (bucket.tokens + (now - bucket.lastNanos) / 1e9 * ratePerSecond >= burst) {
                    it.remove();
                }
            }
        }
    }
}
