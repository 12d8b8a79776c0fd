package org.paperwire.recommend;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.paperwire.paper.PaperStore;

/**
 * Papers' features and titles in one space (library, candidate and background papers), by id, so that a paper in
 * many libraries or windows is tokenised once, and training a collection's model does not even read its papers'
 * rows from the store again: an entry is dropped as soon as the store's change feed shows its paper changed (a new
 * version, a corrected abstract). Bounded, least recently used out. Thread-safe.
 */
final class KnownPapers {
    /** What training needs of a paper; {@code features} is null for a paper no embedding could be made for. */
    record Known(PaperFeatures features, String title) {}

    private static final int PAGE = 1_000;

    private final PaperStore papers;
    private final Cache<String, Known> byId;
    /** The change number of each paper the feed showed changed, to refuse an entry read before its change. */
    private final ConcurrentHashMap<String, Long> changedAt = new ConcurrentHashMap<>();
    private long seen; // guarded by this

    KnownPapers(PaperStore papers, int max) {
        this.papers = papers;
        this.byId = Caffeine.newBuilder().maximumSize(max).build();
        this.seen = papers.lastSeq();
    }

    /**
     * Drops what changed since the last look and returns the store's change number as of now: what is read from the
     * store after this call may be {@link #put} with it.
     */
    long catchUp() {
        long last = papers.lastSeq();
        synchronized (this) {
            while (seen < last) {
                List<PaperStore.Change> page = papers.changesSince(seen, PAGE);
                if (page.isEmpty()) {
                    seen = last;
                    break;
                }
                for (PaperStore.Change c : page) {
                    changedAt.merge(c.paper().id(), c.seq(), Math::max);
                    byId.invalidate(c.paper().id());
                }
                seen = page.get(page.size() - 1).seq();
            }
        }
        return last;
    }

    /** The paper's features and title, if read since it last changed. */
    Known get(String id) {
        return byId.getIfPresent(id);
    }

    /**
     * Keeps what was read from the store after a {@link #catchUp} that returned {@code readAt}; a paper the feed has
     * shown changed after that is not kept (another thread's catch-up may have seen the change first).
     */
    void put(String id, Known known, long readAt) {
        byId.put(id, known);
        Long changed = changedAt.get(id);
        if (changed != null && changed > readAt) {
            byId.invalidate(id);
        }
    }
}
