package org.paperwire.recommend;

import java.util.Arrays;
import java.util.Map;

/**
 * How often each term occurs in the papers a {@link TermSpace} was fitted on, every term kept: the collection
 * model {@link LibraryLanguageModel} smooths a library with. Open addressing over the terms' hashes. Immutable.
 */
final class CollectionCounts {
    static final CollectionCounts EMPTY = new CollectionCounts(Map.of());

    private final long[] slotTerm;
    private final int[] slotCount;
    private final boolean[] used;
    private final int mask;
    private final long total;

    /** @param counts term → its count over the collection */
    CollectionCounts(Map<String, Integer> counts) {
        int capacity = Integer.highestOneBit(Math.max(2, counts.size()) * 2) * 2; // at most half full
        slotTerm = new long[capacity];
        slotCount = new int[capacity];
        used = new boolean[capacity];
        mask = capacity - 1;
        long sum = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            long term = TermCounts.hash(e.getKey());
            int h = slot(term);
            while (used[h] && slotTerm[h] != term) {
                h = (h + 1) & mask;
            }
            used[h] = true;
            slotTerm[h] = term;
            slotCount[h] += e.getValue();
            sum += e.getValue();
        }
        total = sum;
    }

    private int slot(long term) {
        return (int) (term ^ term >>> 29) & mask;
    }

    /** The term's count in the collection (0 when it never occurs there). */
    int count(long term) {
        for (int h = slot(term); used[h]; h = (h + 1) & mask) {
            if (slotTerm[h] == term) {
                return slotCount[h];
            }
        }
        return 0;
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
        return "CollectionCounts[" + total + " terms, " + Arrays.stream(slotCount).filter(c -> c > 0).count() + " distinct]";
    }
}
