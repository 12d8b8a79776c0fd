package org.paperwire.recommend;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Trains {@link ReaderModel}s, one per collection (Scholar Inbox's recipe over arxiv-sanity-lite's learner): a
 * linear classifier (a squared-hinge SVM) over a paper's embedding and, weighted by {@link Settings#termScale()},
 * its tf-idf terms, trained ({@link SquaredHingeSvm}, LIBLINEAR's algorithm) on the collection's papers (positives) against the reader's "not for me" papers and a
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
     * Training problems of at most this many rows are solved on their kernel ({@link TrainingKernel}), about
     * three times faster for a 50-paper collection against 300 background papers; larger ones (a collection of
     * thousands of papers) on their features, whose memory does not grow with the square of the labelled rows.
     */
    static final int GRAM_ROWS = 1_000;
    /** Training papers whose kernel with the background is kept (about 1.2 KB each for 300 background papers). */
    private static final int KERNELS_KEPT = 50_000;
    /**
     * The model's few knobs.
     *
     * @param embeddingScale the embedding's length in the feature vector (1: as embedded)
     * @param termScale the tf-idf vector's length in the feature vector (0: terms unused)
     * @param c the SVM's cost: larger fits the collection more closely
     * @param minPositives fewer positives than this fall back to similarity
     * @param nearestWeight weight of a trained model's second part: the candidate's similarity to its nearest
     *     collection paper (cosine of the embeddings plus cosine of the tf-idf vectors, each scaled as above), so
     *     that a reader with several topics is matched on each, not only on their mean (0: the linear score alone)
     * @param rerankDepth ranking many papers, the nearest-paper part is added to this many best by the linear score
     *     (see {@link ReaderModel#score(java.util.List)})
     * @param languageWeight weight of a trained model's third part, the {@link LibraryLanguageModel} score of each of
     *     the {@code rerankDepth} best, standardised among them (0: none)
     * @param bags the background sample is split into this many bags, and the linear part is the mean of the models
     *     trained against each (1: one model against the whole sample)
     * @param charWeight weight of a trained model's fourth part, added with the nearest-paper part: the mean of the
     *     candidate's {@link ReaderModel#CHAR_NEAREST} highest cosines to collection papers by their character n-grams
     *     ({@link CharGrams}; 0: none, and no paper's n-grams are computed)
     */
    public record Settings(double embeddingScale, double termScale, double c, int minPositives, double nearestWeight,
            int rerankDepth, double languageWeight, int bags, double charWeight) {
        /**
         * The linear part's best 50 re-ranked: on the development reader-days they rank as well as all do (nDCG@10
         * 0.3335 against 0.3330; 30 lose 0.003), at a tenth of the cost of a day of 500 papers.
         */
        public static final int RERANK_DEPTH = 50;
        /** The language model's weight: see docs/quality-log.md (session 6) for the grid it was chosen on. */
        public static final double LANGUAGE_WEIGHT = 0.5;
        /**
         * The nearest-paper part's weight, chosen with the language model's on the development reader-days (session
         * 7; the grid is in docs/quality-log.md: 2 to 5 rank within 0.003 of each other).
         */
        public static final double NEAREST_WEIGHT = 4.0;
        /**
         * Bags of background papers: three of 150 ({@link Recommendations.Settings#backgroundSize()} 450) average 0.0007
         * higher than one of 300 over ten draws, with half the spread (docs/quality-log.md, session 12).
         */
        public static final int BAGS = 3;
        /**
         * The character n-gram part's weight, chosen on the development reader-days (mean nDCG@10 over seeds 1-5): with
         * sketches, 8 gives 0.3590 and 12 gives 0.3600; with exact cosines, 4 gave 0.3587 and 8 gave 0.3604
         * (docs/quality-log.md, sessions 12 and 13).
         */
        public static final double CHAR_WEIGHT = 12;
        public static final Settings DEFAULT = new Settings(1.0, 1.0, 1.0, 5, NEAREST_WEIGHT, RERANK_DEPTH,
                LANGUAGE_WEIGHT, BAGS, CHAR_WEIGHT);

        public Settings {
            if (rerankDepth < 1) {
                throw new IllegalArgumentException("rerankDepth must be at least 1, not " + rerankDepth);
            }
            if (bags < 1) {
                throw new IllegalArgumentException("bags must be at least 1, not " + bags);
            }
        }

        /** Without character n-grams. */
        public Settings(double embeddingScale, double termScale, double c, int minPositives, double nearestWeight,
                int rerankDepth, double languageWeight, int bags) {
            this(embeddingScale, termScale, c, minPositives, nearestWeight, rerankDepth, languageWeight, bags, 0);
        }

        /** With one bag: every model trained against the whole background sample. */
        public Settings(double embeddingScale, double termScale, double c, int minPositives, double nearestWeight,
                int rerankDepth, double languageWeight) {
            this(embeddingScale, termScale, c, minPositives, nearestWeight, rerankDepth, languageWeight, 1);
        }

        /** Without the language-model part. */
        public Settings(double embeddingScale, double termScale, double c, int minPositives, double nearestWeight,
                int rerankDepth) {
            this(embeddingScale, termScale, c, minPositives, nearestWeight, rerankDepth, 0);
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
    private final SquaredHingeSvm svm;
    private final CollectionCounts collection;

    /**
     * Without a collection model: the language-model part is left out whatever its weight.
     *
     * @param embeddingDimension the length of every paper's embedding
     * @param termDimension the size of the {@link TermSpace} the papers' terms come from (0: no terms)
     */
    public ReaderModels(Settings settings, int embeddingDimension, int termDimension) {
        this(settings, embeddingDimension, termDimension, CollectionCounts.EMPTY);
    }

    /**
     * @param embeddingDimension the length of every paper's embedding
     * @param terms the space the papers' terms and counts come from (null: no terms)
     */
    public ReaderModels(Settings settings, int embeddingDimension, TermSpace terms) {
        this(settings, embeddingDimension, terms == null ? 0 : terms.size(),
                terms == null ? CollectionCounts.EMPTY : terms.collection());
    }

    private ReaderModels(Settings settings, int embeddingDimension, int termDimension, CollectionCounts collection) {
        this.collection = collection;
        this.settings = settings;
        this.embeddingDimension = embeddingDimension;
        this.termDimension = settings.termScale() > 0 ? termDimension : 0;
        this.svm = new SquaredHingeSvm(settings.embeddingScale(), settings.termScale(), this.termDimension, 0.1);
    }

    public Settings settings() {
        return settings;
    }

    /**
     * The terms of papers many readers rank (a day's new papers), numbered once for all of them: see
     * {@link ReaderModel#score(List, DayTerms)}.
     */
    public DayTerms dayTerms(List<PaperFeatures> papers) {
        return DayTerms.of(papers, collection);
    }

    /**
     * The day's background papers, checked once and shared by every reader's training, split into
     * {@link Settings#bags()} bags of consecutive papers (a random sample's parts are random samples), each with its
     * kernel among itself computed once for all readers.
     */
    public Background background(List<PaperFeatures> papers) {
        papers.forEach(this::check);
        int n = Math.max(1, Math.min(settings.bags(), papers.size()));
        List<Bag> bags = new ArrayList<>(n);
        for (int b = 0; b < n; b++) {
            bags.add(new Bag(List.copyOf(papers.subList(b * papers.size() / n, (b + 1) * papers.size() / n)),
                    svm.kernel()));
        }
        return new Background(List.copyOf(bags));
    }

    /**
     * Background papers ready for training, in bags: a collection's model is the mean of one model per bag, so that
     * the ranking depends less on which papers the background sample happened to draw (docs/quality-log.md,
     * session 12).
     */
    public record Background(List<Bag> bags) {
        /** Background papers in all bags. */
        public int size() {
            return bags.stream().mapToInt(Bag::size).sum();
        }
    }

    /**
     * One bag of background papers: their kernel among themselves, and, computed when first needed and kept while
     * the paper's features are in use, each training paper's kernel with all of them (a paper in many collections
     * costs one pass over the bag, not one per collection).
     */
    public static final class Bag {
        private final List<PaperFeatures> papers;
        private final Kernel kernel;
        private final float[][] gram;
        /** The background papers' ids. */
        private final Set<String> ids;
        /** By identity: a changed paper has new features, and the old entry goes with them. */
        private final Cache<PaperFeatures, float[]> against = Caffeine.newBuilder().weakKeys()
                .maximumSize(KERNELS_KEPT).build();

        private Bag(List<PaperFeatures> papers, Kernel kernel) {
            this.papers = papers;
            this.ids = new HashSet<>();
            papers.forEach(p -> ids.add(p.id()));
            this.kernel = kernel;
            int m = papers.size();
            this.gram = new float[m][m];
            for (int i = 0; i < m; i++) {
                kernel.row(papers.get(i), papers, i, gram[i], i);
                for (int j = i + 1; j < m; j++) {
                    gram[j][i] = gram[i][j];
                }
            }
        }

        public int size() {
            return papers.size();
        }

        PaperFeatures paper(int i) {
            return papers.get(i);
        }

        /**
         * The positions of the bag's papers that are not among {@code labelled}, ascending. A collection seldom
         * shares a paper with the background: that is checked from the collection's side (a look-up per labelled
         * paper, not one per background paper).
         */
        int[] unlabelled(List<PaperFeatures> labelled) {
            if (labelled.stream().noneMatch(p -> ids.contains(p.id()))) {
                return IntStream.range(0, papers.size()).toArray();
            }
            Set<String> labelledIds = new HashSet<>();
            labelled.forEach(p -> labelledIds.add(p.id()));
            return IntStream.range(0, papers.size()).filter(i -> !labelledIds.contains(papers.get(i).id())).toArray();
        }

        /** The bag's kernel among its papers, a row each (shared: callers must not change it). */
        float[][] gram() {
            return gram;
        }

        /** The kernel of {@code p} with every paper of the bag, in their order. */
        float[] against(PaperFeatures p) {
            return against.get(p, q -> {
                float[] out = new float[papers.size()];
                kernel.row(q, papers, 0, out, 0);
                return out;
            });
        }
    }

    /**
     * Trains one collection's model.
     *
     * @param positives the collection's papers (saved, "more like this"), oldest first
     * @param negatives the reader's "not for me" papers
     * @param background random papers; any that are also positives or negatives are left out
     * @param seed fixes the solver's random order of coordinates
     */
    public ReaderModel train(List<PaperFeatures> positives, List<PaperFeatures> negatives, Background background, long seed) {
        if (positives.isEmpty()) {
            throw new IllegalArgumentException("a collection needs at least one paper to recommend from");
        }
        if (positives.size() < settings.minPositives()) {
            return similarity(positives);
        }
        List<PaperFeatures> labelled = new ArrayList<>(positives); // the kernel's labelled rows, in their order
        labelled.addAll(negatives);
        float[][] among = null; // the labelled papers' kernel among themselves: the same in every bag
        double[] embedding = new double[embeddingDimension];
        double[] terms = new double[termDimension];
        double bias = 0;
        int trained = 0;
        for (Bag bag : background.bags()) {
            int[] unlabelled = bag.unlabelled(labelled);
            // each explicit negative weighs as much as a positive; as a cost, that is this many background papers
            int copies = unlabelled.length == 0 ? 1
                    : Math.max(1, (int) Math.round((double) unlabelled.length / positives.size()));
            int negativeRows = unlabelled.length + copies * negatives.size();
            if (negativeRows == 0) {
                continue;
            }
            // balanced: both classes weigh as much in total, whatever their sizes (scikit-learn's "balanced")
            double n = positives.size() + negativeRows;
            double positiveCost = settings.c() * n / (2.0 * positives.size());
            double negativeCost = settings.c() * n / (2.0 * negativeRows);
            List<SquaredHingeSvm.Row> rows = new ArrayList<>(positives.size() + unlabelled.length + negatives.size());
            positives.forEach(p -> rows.add(new SquaredHingeSvm.Row(check(p), 1, positiveCost)));
            for (int i : unlabelled) {
                rows.add(new SquaredHingeSvm.Row(bag.paper(i), -1, negativeCost));
            }
            negatives.forEach(p -> rows.add(new SquaredHingeSvm.Row(check(p), -1, negativeCost * copies)));
            SquaredHingeSvm.Weights w;
            Random random = new Random(seed); // each bag's model is the one trained against that bag alone
            if (rows.size() > GRAM_ROWS) {
                w = svm.train(rows, embeddingDimension, random);
            } else {
                among = among != null ? among : svm.kernel().among(labelled);
                w = svm.train(rows, new TrainingKernel(labelled, among, positives.size(), unlabelled, bag),
                        embeddingDimension, random);
            }
            for (int k = 0; k < embeddingDimension; k++) {
                embedding[k] += w.embedding()[k];
            }
            for (int k = 0; k < termDimension; k++) {
                terms[k] += w.terms()[k];
            }
            bias += w.bias();
            trained++;
        }
        if (trained == 0) {
            return similarity(positives);
        }
        float[] meanEmbedding = new float[embeddingDimension];
        for (int k = 0; k < embeddingDimension; k++) {
            meanEmbedding[k] = (float) (embedding[k] / trained);
        }
        for (int k = 0; k < termDimension; k++) {
            terms[k] /= trained;
        }
        return linear(ReaderModel.Kind.TRAINED, meanEmbedding, terms, bias / trained, positives);
    }

    /** A model scoring papers as unscaled features: the weights learnt on scaled ones, times their scale. */
    private ReaderModel linear(ReaderModel.Kind kind, float[] embeddingWeights, double[] termWeights, double bias,
            List<PaperFeatures> positives) {
        float[] embedding = new float[embeddingDimension];
        for (int i = 0; i < embeddingDimension; i++) {
            embedding[i] = (float) (embeddingWeights[i] * settings.embeddingScale());
        }
        float[] terms = null;
        if (termDimension > 0) {
            terms = new float[termDimension];
            for (int i = 0; i < termDimension; i++) {
                terms[i] = (float) (termWeights[i] * settings.termScale());
            }
        }
        double nearest = kind == ReaderModel.Kind.TRAINED ? settings.nearestWeight() : 0;
        double language = kind == ReaderModel.Kind.TRAINED && collection.total() > 0 ? settings.languageWeight() : 0;
        double chars = kind == ReaderModel.Kind.TRAINED ? settings.charWeight() : 0;
        return new ReaderModel(kind, embedding, terms, bias, positives,
                nearest * settings.embeddingScale(), termDimension > 0 ? nearest * settings.termScale() : 0,
                settings.rerankDepth(), language, collection, chars);
    }

    /**
     * Similarity to the collection: the weighted mean of its papers' feature vectors, the newest weighing
     * {@code 1 / (1 + log10(rank))} with rank 1 for the newest; the score is its dot product with a paper's
     * features (a weighted mean of cosines).
     */
    ReaderModel similarity(List<PaperFeatures> positives) {
        int d = embeddingDimension;
        double[] w = new double[d + termDimension];
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
        float[] embedding = new float[d];
        for (int k = 0; k < d; k++) {
            embedding[k] = (float) w[k];
        }
        return linear(ReaderModel.Kind.SIMILARITY, embedding, java.util.Arrays.copyOfRange(w, d, w.length), 0, positives);
    }

    /** {@code p}, once its embedding is known to fit this model. */
    private PaperFeatures check(PaperFeatures p) {
        if (p.embedding().length != embeddingDimension) {
            throw new IllegalArgumentException("paper " + p.id() + " has a " + p.embedding().length + "-dimensional"
                    + " embedding; this model takes " + embeddingDimension);
        }
        return p;
    }
}
