package org.paperwire.web;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Instant;
import java.time.InstantSource;

/** Caffeine's time source from our injected clock, so that expiry follows the clock tests pin. */
public record ClockTicker(InstantSource clock) implements Ticker {
    @Override
    public long read() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
