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

    /** Per thread: a library's counts by {@link DayTerms} number, all 0 between calls. */
    private static final ThreadLocal<int[]> SCRATCH = ThreadLocal.withInitial(() -> new int[0]);

    private LibraryLanguageModel() {}

    /**
     * The scores of {@code papers}, in their order (higher: more likely under the library's model).
     *
     * @param day the terms of a list that holds every paper of {@code papers}
     */
    static double[] scores(List<PaperFeatures> library, List<PaperFeatures> papers, DayTerms day) {
        int[] counts = SCRATCH.get();
        if (counts.length < day.size()) {
            counts = new int[day.size()];
            SCRATCH.set(counts);
        }
        long length = 0;
        DayTerms.Mapped[] mapped = new DayTerms.Mapped[library.size()];
        for (int k = 0; k < mapped.length; k++) {
            length += library.get(k).counts().length();
            DayTerms.Mapped m = mapped[k] = day.map(library.get(k));
            for (int i = 0; i < m.slot().length; i++) {
                counts[m.slot()[i]] += m.count()[i];
            }
        }
        try {
            double perTerm = Math.log(MU / (length + MU));
            double[] out = new double[papers.size()];
            for (int k = 0; k < out.length; k++) {
                DayTerms.Mapped m = day.map(papers.get(k));
                double score = m.length() * perTerm;
                for (int i = 0; i < m.slot().length; i++) {
                    int c = counts[m.slot()[i]];
                    if (c > 0) {
                        score += m.count()[i] * day.weight(m.slot()[i], c);
                    }
                }
                out[k] = score;
            }
            return out;
        } finally {
            for (DayTerms.Mapped m : mapped) { // back to all 0, touching only what was added
                for (int slot : m.slot()) {
                    counts[slot] = 0;
                }
            }
        }
    }

    /** As {@link #scores(List, List, DayTerms)}, numbering the papers' terms for this call alone. */
    static double[] scores(List<PaperFeatures> library, List<PaperFeatures> papers, CollectionCounts collection) {
        return scores(library, papers, DayTerms.of(papers, collection));
    }
}
