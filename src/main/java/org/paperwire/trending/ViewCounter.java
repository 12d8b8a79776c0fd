package org.paperwire.trending;

import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts paper page views in memory and writes them to the {@link SignalStore} in one transaction per
 * {@link #flush()}, so that a page view never waits on a database write.
 */
public final class ViewCounter {
    private final SignalStore store;
    private final InstantSource clock;
    /** One adder per paper ever viewed (a few bytes each); adders are reset, never removed, so no view is lost. */
    private final Map<String, LongAdder> pending = new ConcurrentHashMap<>();

    public ViewCounter(SignalStore store, InstantSource clock) {
        this.store = store;
        this.clock = clock;
    }

    public void viewed(String paperId) {
        pending.computeIfAbsent(paperId, id -> new LongAdder()).increment();
    }

    /** Writes the views counted since the last flush. */
    public synchronized void flush() {
        Map<String, Long> batch = new HashMap<>();
        pending.forEach((id, adder) -> {
            long n = adder.sumThenReset(); // a view counted meanwhile stays in the adder for the next flush
            if (n > 0) {
                batch.put(id, n);
            }
        });
        try {
            store.addViews(batch, clock.instant());
        } catch (RuntimeException e) {
            batch.forEach((id, n) -> pending.computeIfAbsent(id, k -> new LongAdder()).add(n)); // retry next time
            throw e;
        }
    }
}
