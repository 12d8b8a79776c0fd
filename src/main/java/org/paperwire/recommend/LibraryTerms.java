package org.paperwire.recommend;

import java.util.Arrays;
import java.util.List;

/**
 * A collection's tf-idf vectors turned inside out (term → the collection papers holding it), so that the cosine of
 * a paper to every collection paper costs one hash lookup per term of the paper instead of a merge with each of
 * them. Immutable.
 */
final class LibraryTerms {
    private static final int EMPTY = -1;
    private final int[] slotTerm; // open addressing, linear probing: a term, or EMPTY
    private final int[] slotAt; // the term's position in start
    private final int mask;
    private final int[] start; // postings of the i-th distinct term: [start[i], start[i + 1])
    private final int[] paper;
    private final float[] value;
    private final int papers;

    private LibraryTerms(int[] terms, int[] start, int[] paper, float[] value, int papers) {
        int capacity = Integer.highestOneBit(Math.max(2, terms.length) * 2) * 2; // at most half full
        this.slotTerm = new int[capacity];
        this.slotAt = new int[capacity];
        this.mask = capacity - 1;
        Arrays.fill(slotTerm, EMPTY);
        for (int i = 0; i < terms.length; i++) {
            int h = hash(terms[i]) & mask;
            while (slotTerm[h] != EMPTY) {
                h = (h + 1) & mask;
            }
            slotTerm[h] = terms[i];
            slotAt[h] = i;
        }
        this.start = start;
        this.paper = paper;
        this.value = value;
        this.papers = papers;
    }

    private static int hash(int term) {
        return term * 0x9E3779B9 >>> 7;
    }

    private int find(int term) {
        for (int h = hash(term) & mask; ; h = (h + 1) & mask) {
            if (slotTerm[h] == term) {
                return slotAt[h];
            }
            if (slotTerm[h] == EMPTY) {
                return -1;
            }
        }
    }

    static LibraryTerms of(List<PaperFeatures> library) {
        int n = library.stream().mapToInt(p -> p.terms().index().length).sum();
        long[] entries = new long[n]; // term << 32 | position in entries' source, sorted by term
        int[] sourcePaper = new int[n];
        float[] sourceValue = new float[n];
        int k = 0;
        for (int p = 0; p < library.size(); p++) {
            TermVector t = library.get(p).terms();
            for (int i = 0; i < t.index().length; i++, k++) {
                entries[k] = (long) t.index()[i] << 32 | k;
                sourcePaper[k] = p;
                sourceValue[k] = t.value()[i];
            }
        }
        Arrays.sort(entries);
        int[] terms = new int[n];
        int[] start = new int[n + 1];
        int[] paper = new int[n];
        float[] value = new float[n];
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            int term = (int) (entries[i] >>> 32);
            int source = (int) entries[i];
            if (distinct == 0 || terms[distinct - 1] != term) {
                terms[distinct] = term;
                start[distinct++] = i;
            }
            paper[i] = sourcePaper[source];
            value[i] = sourceValue[source];
        }
        start[distinct] = n;
        return new LibraryTerms(Arrays.copyOf(terms, distinct), Arrays.copyOf(start, distinct + 1), paper, value,
                library.size());
    }

    /** Room for {@link #nearest(TermVector, double[])}'s sums. */
    double[] scratch() {
        return new double[papers];
    }

    /**
     * The largest cosine of {@code v} to a collection paper (0 when it shares no term with any).
     *
     * @param dots {@link #scratch()}, reused between calls of one thread
     */
    double nearest(TermVector v, double[] dots) {
        Arrays.fill(dots, 0);
        int[] index = v.index();
        for (int i = 0; i < index.length; i++) {
            int at = find(index[i]);
            if (at >= 0) {
                for (int j = start[at]; j < start[at + 1]; j++) {
                    dots[paper[j]] += v.value()[i] * value[j];
                }
            }
        }
        double max = 0;
        for (double d : dots) {
            max = Math.max(max, d);
        }
        return max;
    }
}
