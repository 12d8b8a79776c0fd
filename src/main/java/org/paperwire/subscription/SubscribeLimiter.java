package org.paperwire.subscription;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** At most {@code perHour} subscribe requests per client address in a rolling hour window (fixed buckets). */
final class SubscribeLimiter {
    private record Window(Instant start, int count) {}

    private final int perHour;
    private final InstantSource clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    SubscribeLimiter(int perHour, InstantSource clock) {
        this.perHour = perHour;
        this.clock = clock;
    }

    boolean tryAcquire(String client) {
        Instant now = clock.instant();
        if (windows.size() > 10_000) {
            windows.values().removeIf(w -> Duration.between(w.start(), now).toHours() >= 1);
        }
        boolean[] ok = {false};
        windows.compute(client, (k, w) -> {
            if (w == null || Duration.between(w.start(), now).toHours() >= 1) {
                ok[0] = true;
                return new Window(now, 1);
            }
            ok[0] = w.count() < perHour;
            return ok[0] ? new Window(w.start(), w.count() + 1) : w;
        });
        return ok[0];
    }
}
