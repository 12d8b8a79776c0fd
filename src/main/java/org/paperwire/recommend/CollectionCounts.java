package org.paperwire.recommend;

import com.carrotsearch.hppc.LongIntHashMap;
import java.util.Map;

/**
 * How often each term occurs in the papers a {@link TermSpace} was fitted on, every term kept: the collection
 * model {@link LibraryLanguageModel} smooths a library with. Terms are named by {@link TermCounts#hash}. Immutable.
 */
final class CollectionCounts {
    static final CollectionCounts EMPTY = new CollectionCounts(Map.of());

    private final LongIntHashMap counts;
    private final long total;

    /** @param counts term → its count over the collection */
    CollectionCounts(Map<String, Integer> counts) {
        this.counts = new LongIntHashMap(counts.size());
        long sum = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            this.counts.addTo(TermCounts.hash(e.getKey()), e.getValue());
            sum += e.getValue();
        }
        total = sum;
    }

    /** The term's count in the collection (0 when it never occurs there). */
    int count(long term) {
        return counts.get(term);
    }

    /**
     * The term's probability in the collection; a term the collection never saw counts as seen once (as rare as
     * the rarest), so that a word new this month still counts for the papers that share it.
     */
    double probability(long term) {
        return Math.max(1, count(term)) / (double) Math.max(1, total);
    }

    long total() {
        return total;
    }

    @Override
    public String toString() {
        return "CollectionCounts[" + total + " terms, " + counts.size() + " distinct]";
    }
}
