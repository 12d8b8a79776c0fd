package org.paperwire.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.InstantSource;

/**
 * A token bucket per client key (its network, from {@link ClientAddresses}): {@code capacity} actions, refilled
 * evenly over {@code window}. Buckets live in a Caffeine cache bounded in size and dropped after a window without
 * use (a bucket left alone that long is full again, so forgetting it changes nothing); no request ever scans them.
 */
public final class RateLimiter {
    /** Clients remembered at once; past this the least recently active are forgotten first. */
    static final int MAX_CLIENTS = 100_000;

    private record Bucket(double tokens, long atNanos) {}

    private final int capacity;
    private final Duration window;
    private final ClockTicker ticker;
    private final Cache<String, Bucket> buckets;

    public RateLimiter(int capacity, Duration window, InstantSource clock) {
        if (capacity < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a rate limit needs capacity >= 1 and a positive window, not "
                    + capacity + " per " + window);
        }
        this.capacity = capacity;
        this.window = window;
        this.ticker = new ClockTicker(clock);
        this.buckets = Caffeine.newBuilder().maximumSize(MAX_CLIENTS).expireAfterAccess(window).ticker(ticker)
                .executor(Runnable::run).build();
    }

    /** {@code perMinute} actions a minute. */
    public static RateLimiter perMinute(int perMinute, InstantSource clock) {
        return new RateLimiter(perMinute, Duration.ofMinutes(1), clock);
    }

    /** Takes one token for {@code key}; false when the client must wait. */
    public boolean tryAcquire(String key) {
        long now = ticker.read();
        double refillPerNano = (double) capacity / window.toNanos();
        boolean[] granted = {false};
        buckets.asMap().compute(key, (k, b) -> {
            double tokens = b == null ? capacity
                    : Math.min(capacity, b.tokens() + Math.max(0, now - b.atNanos()) * refillPerNano);
            granted[0] = tokens >= 1;
            return new Bucket(granted[0] ? tokens - 1 : tokens, now);
        });
        return granted[0];
    }

    /** Seconds until one more action would be allowed, for a {@code Retry-After} header. */
    public long retryAfterSeconds() {
        return Math.max(1, (long) Math.ceil((double) window.toSeconds() / capacity));
    }
}
