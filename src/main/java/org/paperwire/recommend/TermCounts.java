package org.paperwire.recommend;

import java.util.Arrays;
import java.util.Map;

/**
 * How often each word and bigram occurs in one paper's title and abstract, every term kept (no vocabulary cut),
 * each named by a 64-bit hash of its text ({@link #hash}): what {@link LibraryLanguageModel} scores. {@code terms}
 * ascend; {@code length} is the paper's number of terms counted with repeats.
 */
public record TermCounts(long[] terms, int[] counts, int length) {
    public static final TermCounts EMPTY = new TermCounts(new long[0], new int[0], 0);

    /** The counts of {@link TermSpace#counts(String)}'s terms, by hash. */
    static TermCounts of(Map<String, Integer> counts) {
        long[] packed = new long[counts.size()];
        int[] byPosition = new int[counts.size()];
        long[] hashes = new long[counts.size()];
        int i = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            hashes[i] = hash(e.getKey());
            byPosition[i] = e.getValue();
            i++;
        }
        Integer[] order = new Integer[hashes.length];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> Long.compare(hashes[a], hashes[b]));
        int[] sortedCounts = new int[hashes.length];
        int length = 0;
        for (int k = 0; k < order.length; k++) {
            packed[k] = hashes[order[k]];
            sortedCounts[k] = byPosition[order[k]];
            length += sortedCounts[k];
        }
        return new TermCounts(packed, sortedCounts, length);
    }

    /** A term's name: FNV-1a over its characters, 64 bits (a collision among a corpus's terms is negligible). */
    static long hash(String term) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < term.length(); i++) {
            h ^= term.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
