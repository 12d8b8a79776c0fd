package org.paperwire.trending;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.paperwire.web.ClockTicker;

/**
 * Counts a paper's views once per viewer and UTC day, at most {@code perNetwork} viewers of one client network per
 * paper and day, and writes them to the {@link SignalStore} in one transaction per {@link #flush()}, so that a page
 * view never waits on a database write.
 *
 * <p>Two bounded Caffeine caches keep repeated views away from the store: viewers already seen today, and how
 * many viewers each network has had per paper today. They only save work: the store's {@code paper_views} table
 * decides what counts, so counts stay right across a restart within the day.
 */
public final class ViewCounter {
    private static final int MAX_REMEMBERED = 200_000;

    private record NetworkDay(String paperId, LocalDate day, String network) {}

    private final SignalStore store;
    private final InstantSource clock;
    private final int perNetwork;
    private final Cache<PageView, Boolean> seen;
    private final Cache<NetworkDay, AtomicInteger> viewersPerNetwork;
    /** Views seen for the first time, until the next flush writes them. */
    private final Queue<PageView> pending = new ConcurrentLinkedQueue<>();

    public ViewCounter(SignalStore store, InstantSource clock, int perNetwork) {
        this.store = store;
        this.clock = clock;
        this.perNetwork = perNetwork;
        this.seen = cache(clock);
        this.viewersPerNetwork = cache(clock);
    }

    private static <K, V> Cache<K, V> cache(InstantSource clock) {
        return Caffeine.newBuilder().maximumSize(MAX_REMEMBERED).expireAfterWrite(Duration.ofDays(1))
                .ticker(new ClockTicker(clock)).executor(Runnable::run).build();
    }

    /**
     * A view of {@code paperId} by {@code viewer} (the visitor cookie's id, or the network id without a cookie)
     * from {@code network}.
     */
    public void viewed(String paperId, String viewer, String network) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        AtomicInteger viewers = viewersPerNetwork.get(new NetworkDay(paperId, today, network), k -> new AtomicInteger());
        if (viewers.get() >= perNetwork) {
            return; // the network's views of this paper are counted for today: nothing more to remember
        }
        PageView view = new PageView(paperId, today, viewer, network);
        if (seen.asMap().putIfAbsent(view, Boolean.TRUE) == null && viewers.incrementAndGet() <= perNetwork) {
            pending.add(view);
        }
    }

    /** Writes the views counted since the last flush; returns how many counted. */
    public synchronized int flush() {
        List<PageView> batch = new ArrayList<>();
        for (PageView v = pending.poll(); v != null; v = pending.poll()) {
            batch.add(v);
        }
        try {
            return store.addViews(batch, perNetwork, clock.instant());
        } catch (RuntimeException e) {
            pending.addAll(batch); // retried at the next flush; the store ignores any that did count
            throw e;
        }
    }
}
