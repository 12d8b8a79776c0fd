package org.paperwire.recommend;

import java.util.Arrays;
import java.util.List;

/**
 * A collection's tf-idf vectors turned inside out (term → the collection papers holding it), so that the cosine of
 * a paper to every collection paper costs one array read per term of the paper instead of a merge with each of
 * them. Made where a model ranks papers, in arrays over the term space that each thread keeps and reuses: building
 * it costs two passes over the collection's terms (no hashing, no sorting), and a cached model holds none of it.
 * Use it in a try-with-resources block on the thread that made it; closing it clears what it set.
 */
final class LibraryTerms implements AutoCloseable {
    private static final ThreadLocal<LibraryTerms> PER_THREAD = ThreadLocal.withInitial(LibraryTerms::new);

    private int[] count = new int[0]; // per term: its postings (0 for a term the collection lacks)
    private int[] start = new int[0]; // per term the collection holds: where its postings begin
    private int[] touched = new int[0]; // the terms the collection holds, in the order first met
    private int distinct;
    private int[] paper = new int[0];
    private float[] value = new float[0];
    private double[] dots = new double[0];
    private int[] held = new int[0]; // positions in a paper's vector of the terms the collection holds
    private int papers;
    private boolean open;

    private LibraryTerms() {}

    /**
     * This thread's index, filled with {@code library}'s terms.
     *
     * @param termDimension the size of the term space the papers' vectors index
     */
    static LibraryTerms of(List<PaperFeatures> library, int termDimension) {
        LibraryTerms t = PER_THREAD.get();
        if (t.open) {
            throw new IllegalStateException("this thread's collection terms are in use; close them first");
        }
        t.fill(library, termDimension);
        return t;
    }

    private void fill(List<PaperFeatures> library, int termDimension) {
        open = true;
        if (count.length < termDimension) {
            count = new int[termDimension];
            start = new int[termDimension];
        }
        int n = 0;
        for (PaperFeatures p : library) {
            n += p.terms().index().length;
        }
        if (touched.length < n) {
            touched = new int[n];
            paper = new int[n];
            value = new float[n];
        }
        if (dots.length < library.size()) {
            dots = new double[library.size()];
        }
        distinct = 0;
        for (PaperFeatures p : library) {
            for (int term : p.terms().index()) {
                touched[distinct] = term;
                distinct += count[term]++ == 0 ? 1 : 0; // kept when first met (no branch: about half are)
            }
        }
        int at = 0;
        for (int i = 0; i < distinct; i++) {
            int term = touched[i];
            start[term] = at;
            at += count[term];
        }
        for (int p = 0; p < library.size(); p++) {
            TermVector v = library.get(p).terms();
            for (int i = 0; i < v.index().length; i++) {
                int k = start[v.index()[i]]++;
                paper[k] = p;
                value[k] = v.value()[i];
            }
        }
        for (int i = 0; i < distinct; i++) { // each start moved to its postings' end: back to their beginning
            start[touched[i]] -= count[touched[i]];
        }
        Arrays.fill(dots, 0, library.size(), 0);
        papers = library.size();
    }

    /** The largest cosine of {@code v} to a collection paper (0 when it shares no term with any). */
    double nearest(TermVector v) {
        add(v);
        double max = 0;
        for (int p = 0; p < papers; p++) {
            max = Math.max(max, dots[p]);
            dots[p] = 0;
        }
        return max;
    }

    /**
     * The cosine of {@code v} to each collection paper, into {@code out} in their order: each summed over the shared
     * terms in the order of the term space, as {@link TermVector#dot(float[], int)} sums them.
     */
    void dots(TermVector v, double[] out) {
        add(v);
        for (int p = 0; p < papers; p++) {
            out[p] = dots[p];
            dots[p] = 0;
        }
    }

    private void add(TermVector v) {
        int[] index = v.index();
        float[] values = v.value();
        if (held.length < index.length) {
            held = new int[index.length];
        }
        int n = 0;
        for (int i = 0; i < index.length; i++) { // the terms the collection holds first, without a branch on each
            int term = index[i];
            held[n] = i;
            n += term < count.length && count[term] != 0 ? 1 : 0;
        }
        for (int k = 0; k < n; k++) {
            int i = held[k];
            int term = index[i];
            for (int j = start[term], end = start[term] + count[term]; j < end; j++) {
                dots[paper[j]] += values[i] * value[j];
            }
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < distinct; i++) {
            count[touched[i]] = 0;
        }
        distinct = 0;
        open = false;
    }
}
