package org.paperwire.recommend;

import com.carrotsearch.hppc.IntIntHashMap;
import java.util.Arrays;
import java.util.List;

/**
 * A collection's tf-idf vectors turned inside out (term → the collection papers holding it), so that the cosine of
 * a paper to every collection paper costs one hash lookup per term of the paper instead of a merge with each of
 * them. Immutable (HPPC's maps are safe to read from many threads once built).
 */
final class LibraryTerms {
    private final IntIntHashMap positions; // a term -> its position in start
    private final int[] start; // postings of the i-th distinct term: [start[i], start[i + 1])
    private final int[] paper;
    private final float[] value;
    private final int papers;

    private LibraryTerms(IntIntHashMap positions, int[] start, int[] paper, float[] value, int papers) {
        this.positions = positions;
        this.start = start;
        this.paper = paper;
        this.value = value;
        this.papers = papers;
    }

    /**
     * Two passes over the collection's terms, no sorting: the first numbers the distinct terms and counts their
     * postings, the second lays the postings out term by term.
     */
    static LibraryTerms of(List<PaperFeatures> library) {
        int n = library.stream().mapToInt(p -> p.terms().index().length).sum();
        IntIntHashMap positions = new IntIntHashMap(); // grows with the distinct terms, not with all the entries
        int[] postings = new int[n + 1]; // per distinct term: its count of postings
        int[] numbered = new int[n]; // each entry's distinct term, in the collection's order
        int k = 0;
        for (PaperFeatures p : library) {
            for (int term : p.terms().index()) {
                int at = positions.indexOf(term);
                if (at < 0) {
                    int next = positions.size();
                    positions.indexInsert(at, term, next);
                    numbered[k] = next;
                } else {
                    numbered[k] = positions.indexGet(at);
                }
                postings[numbered[k++]]++;
            }
        }
        int distinct = positions.size();
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
        return new LibraryTerms(positions, start, paper, value, library.size());
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
            int found = positions.indexOf(index[i]);
            if (found >= 0) {
                int at = positions.indexGet(found);
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
