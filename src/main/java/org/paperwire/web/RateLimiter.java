package org.paperwire.web;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client key (its IP address): {@code perMinute} actions, refilled evenly over a minute.
 * Buckets idle for longer than that are forgotten, so memory stays bounded by the active clients.
 */
public final class RateLimiter {
    private record Bucket(double tokens, Instant at) {}

    private final int perMinute;
    private final InstantSource clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(int perMinute, InstantSource clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Takes one token for {@code key}; false when the client must wait. */
    public boolean tryAcquire(String key) {
        Instant now = clock.instant();
        if (buckets.size() > 10_000) {
            buckets.values().removeIf(b -> Duration.between(b.at(), now).toMinutes() >= 1);
        }
        boolean[] granted = {false};
        buckets.compute(key, (k, b) -> {
            double tokens = b == null ? perMinute
                    : Math.min(perMinute, b.tokens() + Duration.between(b.at(), now).toMillis() * perMinute / 60_000.0);
            granted[0] = tokens >= 1;
            return new Bucket(granted[0] ? tokens - 1 : tokens, now);
        });
        return granted[0];
    }

    /** Seconds until one more action would be allowed, for a {@code Retry-After} header. */
    public long retryAfterSeconds() {
        return Math.max(1, (long) Math.ceil(60.0 / perMinute));
    }
}
