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
        for (String id : pending.keySet()) {
            LongAdder adder = pending.remove(id);
            if (adder != null && adder.sum() > 0) {
                batch.put(id, adder.sum());
            }
        }
        store.addViews(batch, clock.instant());
    }
}
