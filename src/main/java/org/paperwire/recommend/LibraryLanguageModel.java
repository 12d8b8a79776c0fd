package org.paperwire.recommend;

import java.util.List;

/**
 * How likely a paper's words are under its collection's language model: the query likelihood of information
 * retrieval, with the paper as the query and the collection's papers pooled into one document, smoothed towards
 * the month's papers ({@link CollectionCounts}) with a Dirichlet prior {@link #MU} (Zhai and Lafferty 2001; the
 * reviewer-to-paper affinity of the Toronto Paper Matching System is this score). Unlike the tf-idf model, every
 * word and bigram counts, however rare: a paper sharing a collection's own method or dataset names scores high.
 *
 * <p>The score drops the terms that do not depend on the collection:
 * {@code Σ_w c(w,paper) · ln(1 + c(w,lib) / (μ · P(w|month))) + |paper| · ln(μ / (|lib| + μ))}.
 */
final class LibraryLanguageModel {
    /**
     * The prior's weight, in terms: chosen on the development reader-days (64,000 to 256,000 rank alike; a
     * 30-paper library holds about 10,000 terms, so the month's model weighs far more than the library's).
     */
    static final double MU = 128_000;

    /** Per thread: a library's counts and its terms' weights by {@link DayTerms} number (all 0 between calls). */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private static final class Scratch {
        int[] counts = new int[0];
        double[] weights = new double[0];
        int[] held = new int[0]; // the numbers of the terms the library holds

        Scratch of(int terms, int libraryTerms) {
            if (counts.length < terms) {
                counts = new int[terms];
                weights = new double[terms];
            }
            if (held.length < libraryTerms) {
                held = new int[libraryTerms];
            }
            return this;
        }
    }

    private LibraryLanguageModel() {}

    /**
     * The scores of {@code papers}, in their order (higher: more likely under the library's model). Each term the
     * library holds has its weight computed once; a paper's score then adds {@code count × weight} over all of its
     * terms, 0 for those the library lacks (a branch per term, taken about half the time, cost more than the adds).
     *
     * @param day the terms of a list that holds every paper of {@code papers}
     */
    static double[] scores(List<PaperFeatures> library, List<PaperFeatures> papers, DayTerms day) {
        DayTerms.Mapped[] mapped = new DayTerms.Mapped[library.size()];
        long length = 0;
        int libraryTerms = 0;
        for (int k = 0; k < mapped.length; k++) {
            mapped[k] = day.map(library.get(k));
            length += library.get(k).counts().length();
            libraryTerms += mapped[k].slot().length;
        }
        Scratch scratch = SCRATCH.get().of(day.size(), libraryTerms);
        int[] counts = scratch.counts;
        double[] weights = scratch.weights;
        int[] held = scratch.held;
        int distinct = 0;
        for (DayTerms.Mapped m : mapped) {
            for (int i = 0; i < m.slot().length; i++) {
                int slot = m.slot()[i];
                held[distinct] = slot;
                distinct += counts[slot] == 0 ? 1 : 0; // kept when first met
                counts[slot] += m.count()[i];
            }
        }
        for (int j = 0; j < distinct; j++) {
            int slot = held[j];
            weights[slot] = day.weight(slot, counts[slot]);
            counts[slot] = 0;
        }
        try {
            double perTerm = Math.log(MU / (length + MU));
            double[] out = new double[papers.size()];
            for (int k = 0; k < out.length; k++) {
                DayTerms.Mapped m = day.map(papers.get(k));
                double score = m.length() * perTerm;
                for (int i = 0; i < m.slot().length; i++) {
                    score += m.count()[i] * weights[m.slot()[i]];
                }
                out[k] = score;
            }
            return out;
        } finally {
            for (int j = 0; j < distinct; j++) {
                weights[held[j]] = 0;
            }
        }
    }

    /** As {@link #scores(List, List, DayTerms)}, numbering the papers' terms for this call alone. */
    static double[] scores(List<PaperFeatures> library, List<PaperFeatures> papers, CollectionCounts collection) {
        return scores(library, papers, DayTerms.of(papers, collection));
    }
}
