package org.paperwire.recommend;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Trains {@link ReaderModel}s, one per collection (Scholar Inbox's recipe over arxiv-sanity-lite's learner): a
 * linear classifier (a squared-hinge SVM) over a paper's embedding and, weighted by {@link Settings#termScale()},
 * its tf-idf terms, trained with LIBLINEAR on the collection's papers (positives) against the reader's "not for me" papers and a
 * shared sample of the day's background papers (negatives). Background papers are down-weighted: all of them
 * together weigh as much as all positives (scikit-learn's {@code class_weight="balanced"}), while each explicit
 * negative weighs as much as one positive. With fewer than {@link Settings#minPositives()} positives there is
 * nothing to train on, and the model is the similarity to the collection with recent additions weighing more
 * (zotero-arxiv-daily's {@code 1 / (1 + log10(rank))}).
 *
 * <p>Deterministic: the same inputs and seed give the same model. Thread-safe; one instance serves every reader.
 */
public final class ReaderModels {
    /**
     * The model's few knobs.
     *
     * @param embeddingScale the embedding's length in the feature vector (1: as embedded)
     * @param termScale the tf-idf vector's length in the feature vector (0: terms unused)
     * @param c LIBLINEAR's cost: larger fits the collection more closely
     * @param minPositives fewer positives than this fall back to similarity
     * @param nearestWeight weight of a trained model's second part: the candidate's similarity to its nearest
     *     collection paper (cosine of the embeddings plus cosine of the tf-idf vectors, each scaled as above), so
     *     that a reader with several topics is matched on each, not only on their mean (0: the linear score alone)
     * @param rerankDepth ranking many papers, the nearest-paper part is added to this many best by the linear score
     *     (see {@link ReaderModel#score(java.util.List)})
     */
    public record Settings(double embeddingScale, double termScale, double c, int minPositives, double nearestWeight,
            int rerankDepth) {
        /**
         * The linear part's best 50 re-ranked: on the development reader-days they rank as well as all do (nDCG@10
         * 0.3335 against 0.3330; 30 lose 0.003), at a tenth of the cost of a day of 500 papers.
         */
        public static final int RERANK_DEPTH = 50;
        public static final Settings DEFAULT = new Settings(1.0, 1.0, 1.0, 5, 3.0, RERANK_DEPTH);

        public Settings {
            if (rerankDepth < 1) {
                throw new IllegalArgumentException("rerankDepth must be at least 1, not " + rerankDepth);
            }
        }

        /** With the nearest-paper part re-ranking the linear part's best {@link #RERANK_DEPTH}. */
        public Settings(double embeddingScale, double termScale, double c, int minPositives, double nearestWeight) {
            this(embeddingScale, termScale, c, minPositives, nearestWeight, RERANK_DEPTH);
        }

        /** Without the nearest-paper part. */
        public Settings(double embeddingScale, double termScale, double c, int minPositives) {
            this(embeddingScale, termScale, c, minPositives, 0);
        }
    }

    private final Settings settings;
    private final int embeddingDimension;
    private final int termDimension;

    /**
     * @param embeddingDimension the length of every paper's embedding
     * @param termDimension the size of the {@link TermSpace} the papers' terms come from (0: no terms)
     */
    public ReaderModels(Settings settings, int embeddingDimension, int termDimension) {
        this.settings = settings;
        this.embeddingDimension = embeddingDimension;
        this.termDimension = settings.termScale() > 0 ? termDimension : 0;
        Linear.disableDebugOutput(); // the library's one static switch: it prints every iteration otherwise
    }

    public Settings settings() {
        return settings;
    }

    /** The day's background papers in LIBLINEAR's form, built once and shared by every reader's training. */
    public Background background(List<PaperFeatures> papers) {
        List<Feature[]> rows = new ArrayList<>(papers.size());
        for (PaperFeatures p : papers) {
            rows.add(row(p));
        }
        return new Background(papers.stream().map(PaperFeatures::id).toList(), rows);
    }

    /** Background papers ready for training. */
    public static final class Background {
        private final List<String> ids;
        private final List<Feature[]> rows;

        private Background(List<String> ids, List<Feature[]> rows) {
            this.ids = ids;
            this.rows = rows;
        }

        public int size() {
            return ids.size();
        }
    }

    /**
     * Trains one collection's model.
     *
     * @param positives the collection's papers (saved, "more like this"), oldest first
     * @param negatives the reader's "not for me" papers
     * @param background random papers; any that are also positives or negatives are left out
     * @param seed fixes LIBLINEAR's random order of coordinates
     */
    public ReaderModel train(List<PaperFeatures> positives, List<PaperFeatures> negatives, Background background, long seed) {
        if (positives.isEmpty()) {
            throw new IllegalArgumentException("a collection needs at least one paper to recommend from");
        }
        if (positives.size() < settings.minPositives()) {
            return similarity(positives);
        }
        java.util.Set<String> labelled = new java.util.HashSet<>();
        positives.forEach(p -> labelled.add(p.id()));
        negatives.forEach(p -> labelled.add(p.id()));
        List<Feature[]> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (PaperFeatures p : positives) { // first, so that LIBLINEAR's first label (its decision's sign) is +1
            x.add(row(p));
            y.add(1.0);
        }
        int backgroundUsed = 0;
        for (int i = 0; i < background.ids.size(); i++) {
            if (!labelled.contains(background.ids.get(i))) {
                x.add(background.rows.get(i));
                y.add(-1.0);
                backgroundUsed++;
            }
        }
        // each explicit negative weighs as much as a positive: LIBLINEAR has class weights only, so it is repeated
        int copies = backgroundUsed == 0 ? 1 : Math.max(1, (int) Math.round((double) backgroundUsed / positives.size()));
        for (PaperFeatures p : negatives) {
            Feature[] row = row(p);
            for (int k = 0; k < copies; k++) {
                x.add(row);
                y.add(-1.0);
            }
        }
        int negativeRows = x.size() - positives.size();
        if (negativeRows == 0) {
            return similarity(positives);
        }
        Problem problem = new Problem();
        problem.l = x.size();
        problem.n = dimensions() + 1;
        problem.bias = 1;
        problem.x = x.toArray(Feature[][]::new);
        problem.y = y.stream().mapToDouble(Double::doubleValue).toArray();
        // dual coordinate descent for the squared-hinge SVM (LinearSVC's solver, arxiv-sanity-lite's learner): one
        // pass over the rows costs their non-zeros, and it converges in few passes here; the primal Newton solver of
        // logistic regression took 100 times longer on a 50-paper collection with 1,000 background papers
        Parameter parameter = new Parameter(SolverType.L2R_L2LOSS_SVC_DUAL, settings.c(), 0.1);
        // balanced: both classes weigh as much in total, whatever their sizes
        double n = problem.l;
        parameter.setWeights(new double[] {n / (2.0 * positives.size()), n / (2.0 * negativeRows)}, new int[] {1, -1});
        parameter.setRandom(new Random(seed));
        Model model = Linear.train(problem, parameter);
        double sign = model.getLabels()[0] == 1 ? 1 : -1;
        double[] w = model.getFeatureWeights();
        return linear(ReaderModel.Kind.TRAINED, w, sign, positives);
    }

    private ReaderModel linear(ReaderModel.Kind kind, double[] w, double sign, List<PaperFeatures> positives) {
        int d = embeddingDimension;
        float[] embedding = new float[d];
        for (int i = 0; i < d; i++) {
            embedding[i] = (float) (sign * w[i] * settings.embeddingScale());
        }
        float[] terms = null;
        if (termDimension > 0) {
            terms = new float[termDimension];
            for (int i = 0; i < termDimension; i++) {
                terms[i] = (float) (sign * w[d + i] * settings.termScale());
            }
        }
        double nearest = kind == ReaderModel.Kind.TRAINED ? settings.nearestWeight() : 0;
        return new ReaderModel(kind, embedding, terms, sign * w[w.length - 1], positives,
                nearest * settings.embeddingScale(), termDimension > 0 ? nearest * settings.termScale() : 0,
                settings.rerankDepth());
    }

    /**
     * Similarity to the collection: the weighted mean of its papers' feature vectors, the newest weighing
     * {@code 1 / (1 + log10(rank))} with rank 1 for the newest; the score is its dot product with a paper's
     * features (a weighted mean of cosines).
     */
    ReaderModel similarity(List<PaperFeatures> positives) {
        int d = embeddingDimension;
        double[] w = new double[d + termDimension + 1];
        double total = 0;
        for (int i = 0; i < positives.size(); i++) {
            int rank = positives.size() - i;
            double weight = 1 / (1 + Math.log10(rank));
            total += weight;
            PaperFeatures p = positives.get(i);
            for (int k = 0; k < d; k++) {
                w[k] += weight * p.embedding()[k] * settings.embeddingScale();
            }
            TermVector t = p.terms();
            for (int k = 0; k < t.index().length && termDimension > 0; k++) {
                w[d + t.index()[k]] += weight * t.value()[k] * settings.termScale();
            }
        }
        for (int k = 0; k < w.length; k++) {
            w[k] /= total;
        }
        return linear(ReaderModel.Kind.SIMILARITY, w, 1, positives);
    }

    private int dimensions() {
        return embeddingDimension + termDimension;
    }

    private Feature[] row(PaperFeatures p) {
        float[] e = p.embedding();
        if (e.length != embeddingDimension) {
            throw new IllegalArgumentException("paper " + p.id() + " has a " + e.length + "-dimensional embedding; this"
                    + " model takes " + embeddingDimension);
        }
        TermVector t = termDimension > 0 ? p.terms() : TermVector.EMPTY;
        Feature[] row = new Feature[e.length + t.index().length + 1];
        for (int i = 0; i < e.length; i++) {
            row[i] = new FeatureNode(i + 1, e[i] * settings.embeddingScale());
        }
        for (int i = 0; i < t.index().length; i++) {
            row[e.length + i] = new FeatureNode(e.length + t.index()[i] + 1, t.value()[i] * settings.termScale());
        }
        row[row.length - 1] = new FeatureNode(dimensions() + 1, 1.0);
        return row;
    }
}
