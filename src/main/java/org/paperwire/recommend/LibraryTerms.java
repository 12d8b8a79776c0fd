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

    private LibraryTerms(int[] slotTerm, int[] slotAt, int[] start, int[] paper, float[] value, int papers) {
        this.slotTerm = slotTerm;
        this.slotAt = slotAt;
        this.mask = slotTerm.length - 1;
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

    /**
     * Two passes over the collection's terms, no sorting: the first numbers the distinct terms in a hash table and
     * counts their postings, the second lays the postings out term by term.
     */
    static LibraryTerms of(List<PaperFeatures> library) {
        int n = library.stream().mapToInt(p -> p.terms().index().length).sum();
        int capacity = Integer.highestOneBit(Math.max(2, n) * 2) * 2; // at most half full even if all are distinct
        int mask = capacity - 1;
        int[] slotTerm = new int[capacity];
        int[] slotAt = new int[capacity];
        Arrays.fill(slotTerm, EMPTY);
        int[] postings = new int[n + 1]; // per distinct term: its count, then where its postings start
        int[] numbered = new int[n]; // each entry's distinct term, in the collection's order
        int distinct = 0;
        int k = 0;
        for (PaperFeatures p : library) {
            for (int term : p.terms().index()) {
                int h = hash(term) & mask;
                while (slotTerm[h] != EMPTY && slotTerm[h] != term) {
                    h = (h + 1) & mask;
                }
                if (slotTerm[h] == EMPTY) {
                    slotTerm[h] = term;
                    slotAt[h] = distinct++;
                }
                numbered[k++] = slotAt[h];
                postings[slotAt[h]]++;
            }
        }
        int[] start = new int[distinct + 1];
        for (int t = 0; t < distinct; t++) {
            start[t + 1] = start[t] + postings[t];
        }
        int[] next = Arrays.copyOf(start, distinct);
        int[] paper = new int[n];
        float[] value = new float[n];
        k = 0;
        for (int p = 0; p < library.size(); p++) {
            float[] values = library.get(p).terms().value();
            for (int i = 0; i < values.length; i++, k++) {
                int at = next[numbered[k]]++;
                paper[at] = p;
                value[at] = values[i];
            }
        }
        // kept with the model: re-hashed into a table sized by the distinct terms, not by all the entries
        int kept = Integer.highestOneBit(Math.max(2, distinct) * 2) * 2;
        int[] keptTerm = new int[kept];
        int[] keptAt = new int[kept];
        Arrays.fill(keptTerm, EMPTY);
        for (int h = 0; h < capacity; h++) {
            if (slotTerm[h] != EMPTY) {
                int to = hash(slotTerm[h]) & (kept - 1);
                while (keptTerm[to] != EMPTY) {
                    to = (to + 1) & (kept - 1);
                }
                keptTerm[to] = slotTerm[h];
                keptAt[to] = slotAt[h];
            }
        }
        return new LibraryTerms(keptTerm, keptAt, start, paper, value, library.size());
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
