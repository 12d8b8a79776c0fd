package org.paperwire.recommend;

import java.util.List;

/**
 * The dot product of two papers' training rows, as {@link SquaredHingeSvm} sees them: the embeddings' dot product
 * times the embedding's scale squared, plus the tf-idf vectors' times the terms' scale squared, plus 1 for the bias
 * feature. Thread-safe.
 */
final class Kernel {
    /** Per thread: a paper's tf-idf values spread over the term space, all 0 between calls. */
    private static final ThreadLocal<float[]> DENSE = ThreadLocal.withInitial(() -> new float[0]);

    private final double embeddingScale;
    private final double termScale;
    private final int termDimension;

    /** @param termDimension size of the term space (0: terms unused) */
    Kernel(double embeddingScale, double termScale, int termDimension) {
        this.embeddingScale = embeddingScale;
        this.termScale = termScale;
        this.termDimension = termDimension;
    }

    /** The kernel of a paper with itself: its row's squared length. */
    double self(PaperFeatures p) {
        double e = Vectors.dot(p.embedding(), p.embedding()) * embeddingScale * embeddingScale;
        if (termDimension == 0) {
            return e + 1;
        }
        double t = 0;
        for (float v : p.terms().value()) {
            t += (double) v * v;
        }
        return e + t * termScale * termScale + 1;
    }

    /**
     * The kernel of {@code p} with each of {@code papers} from position {@code from} on, written to
     * {@code out[offset + k]} for the k-th of them (after {@code from}). {@code p}'s terms are spread over a dense
     * array once, so each of the others costs one read per term instead of a merge.
     */
    void row(PaperFeatures p, List<PaperFeatures> papers, int from, float[] out, int offset) {
        float[] dense = termDimension == 0 ? null : spread(p);
        try {
            for (int k = from; k < papers.size(); k++) {
                PaperFeatures q = papers.get(k);
                double s = embeddingScale * embeddingScale * Vectors.dot(p.embedding(), q.embedding()) + 1;
                if (dense != null) {
                    s += termScale * termScale * q.terms().dot(dense, 0);
                }
                out[offset + k - from] = (float) s;
            }
        } finally {
            if (dense != null) {
                for (int i : p.terms().index()) {
                    dense[i] = 0;
                }
            }
        }
    }

    /**
     * The kernel of every pair of {@code papers} (a collection's), a row each, the same values {@link #row} gives: the
     * terms' dot products are summed through an index of the papers' terms ({@link LibraryTerms}), so a pair costs
     * its shared terms, not a pass over one paper's terms.
     */
    float[][] among(List<PaperFeatures> papers) {
        int l = papers.size();
        float[][] out = new float[l][l];
        double[] termDots = new double[l];
        try (LibraryTerms terms = termDimension == 0 ? null : LibraryTerms.of(papers, termDimension)) {
            for (int k = 0; k < l; k++) {
                PaperFeatures p = papers.get(k);
                if (terms != null) {
                    terms.dots(p.terms(), termDots);
                }
                for (int j = k; j < l; j++) {
                    double s = embeddingScale * embeddingScale * Vectors.dot(p.embedding(), papers.get(j).embedding()) + 1;
                    if (terms != null) {
                        s += termScale * termScale * termDots[j];
                    }
                    out[k][j] = (float) s;
                    out[j][k] = (float) s;
                }
            }
        }
        return out;
    }

    private float[] spread(PaperFeatures p) {
        float[] dense = DENSE.get();
        if (dense.length < termDimension) {
            dense = new float[termDimension];
            DENSE.set(dense);
        }
        int[] index = p.terms().index();
        float[] value = p.terms().value();
        for (int i = 0; i < index.length; i++) {
            dense[index[i]] = value[i];
        }
        return dense;
    }
}
