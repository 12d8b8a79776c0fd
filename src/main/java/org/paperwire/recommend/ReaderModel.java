package org.paperwire.recommend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One collection's model: a linear score over a paper's embedding and terms, {@code w_e · embedding + w_t · terms
 * + bias}, plus (trained models) the paper's similarity to its nearest collection paper,
 * {@code a · max cos(embeddings) + b · max cos(terms) + c · (mean of the 3 highest cosines of character n-grams)}
 * ({@link CharGrams}: the wording a reader's papers share), and the collection's papers, to say which of them a
 * recommendation is closest to. Ranking many papers ({@link #score(List)}) adds the nearest-paper part, and the
 * {@link LibraryLanguageModel} part, only to the {@code rerankDepth} best by the linear score: each costs a pass
 * over the collection per paper, and on the development reader-days that ranks as well as adding them to every
 * paper (see {@link ReaderModels.Settings}). Immutable and thread-safe; {@link ReaderModels} makes them.
 */
public final class ReaderModel {
    /** How the model was made. */
    public enum Kind {
        /** A classifier trained on the collection against negatives and background papers. */
        TRAINED,
        /** Too few papers to train: similarity to the collection, recent additions weighing more. */
        SIMILARITY
    }

    private final Kind kind;
    private final float[] embeddingWeights;
    private final float[] termWeights;
    private final double bias;
    private final List<PaperFeatures> library;
    private final double nearestEmbedding;
    private final double nearestTerms;
    private final int rerankDepth;
    private final double languageWeight;
    private final CollectionCounts collection;
    private final double charWeight;

    ReaderModel(Kind kind, float[] embeddingWeights, float[] termWeights, double bias, List<PaperFeatures> library,
            double nearestEmbedding, double nearestTerms, int rerankDepth, double languageWeight,
            CollectionCounts collection, double charWeight) {
        this.kind = kind;
        this.embeddingWeights = embeddingWeights;
        this.termWeights = termWeights;
        this.bias = bias;
        this.library = List.copyOf(library);
        this.nearestEmbedding = nearestEmbedding;
        this.nearestTerms = nearestTerms;
        this.rerankDepth = rerankDepth;
        this.languageWeight = languageWeight;
        this.collection = collection;
        this.charWeight = charWeight;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * The score of one paper, linear and nearest-paper parts (the language-model part is a standing among many
     * papers, so only {@link #score(List)} has it): higher is a better match. Comparable only among one model's
     * scores of single papers.
     */
    public double score(PaperFeatures paper) {
        return hasNearest() ? linear(paper) + nearest(paper) : linear(paper);
    }

    private boolean hasNearest() {
        return nearestEmbedding != 0 || nearestTerms != 0 || charWeight != 0;
    }

    private double linear(PaperFeatures paper) {
        double s = bias + Vectors.dot(embeddingWeights, paper.embedding());
        return termWeights == null ? s : s + paper.terms().dot(termWeights, 0);
    }

    /** {@link #linear(PaperFeatures)} of each paper, in their order: the same sums, the terms' four papers at a time. */
    private double[] linear(List<PaperFeatures> papers) {
        int n = papers.size();
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            scores[i] = bias + Vectors.dot(embeddingWeights, papers.get(i).embedding());
        }
        if (termWeights == null) {
            return scores;
        }
        double[] terms = new double[n];
        int i = 0;
        for (; i + 3 < n; i += 4) {
            TermVector.dots(papers, i, termWeights, terms);
        }
        for (; i < n; i++) {
            terms[i] = papers.get(i).terms().dot(termWeights, 0);
        }
        for (int k = 0; k < n; k++) {
            scores[k] += terms[k];
        }
        return scores;
    }

    /** The similarity to the nearest collection paper, by each half (a paper in the collection is its own nearest). */
    private double nearest(PaperFeatures paper) {
        try (LibraryTerms terms = libraryTerms()) {
            return nearest(paper, terms, null, true);
        }
    }

    /** The collection's terms inverted, on this thread, when the nearest-paper part reads them (else null). */
    private LibraryTerms libraryTerms() {
        return nearestTerms == 0 ? null : LibraryTerms.of(library, termWeights.length);
    }

    /** @param dots where the cosine of the embeddings with each collection paper is kept (null: not kept) */
    private double nearest(PaperFeatures paper, LibraryTerms libraryTerms, double[] dots, boolean withChars) {
        double embedding = 0;
        boolean chars = withChars && charWeight != 0 && paper.chars().present();
        if (chars && dots == null) {
            dots = new double[library.size()];
        }
        if (nearestEmbedding != 0 || dots != null) { // the character part, now or later, picks by these cosines
            for (int k = 0; k < library.size(); k++) {
                double dot = Vectors.dot(library.get(k).embedding(), paper.embedding());
                embedding = Math.max(embedding, dot);
                if (dots != null) {
                    dots[k] = dot;
                }
            }
        }
        double terms = nearestTerms == 0 ? 0 : libraryTerms.nearest(paper.terms());
        double charPart = chars ? nearestChars(paper.chars(), dots) : 0;
        return nearestEmbedding * embedding + nearestTerms * terms + charWeight * charPart;
    }

    /**
     * The mean of the {@link #CHAR_NEAREST} highest cosines of {@code chars} with the sketches
     * of the {@link #CHAR_READ} collection papers nearest by embedding (fewer when the collection is smaller): a
     * paper that shares much of its wording with a collection paper is near it by meaning too, so the embedding
     * cosines, already computed, pick which sketches to read (on the development reader-days as well as the
     * sketches themselves do when folded small to pick them, and for nothing; docs/quality-log.md, session 13).
     *
     * @param embeddingDots the cosine of the paper's embedding with each collection paper's
     */
    private double nearestChars(CharSketch chars, double[] embeddingDots) {
        double[] dots = embeddingDots.clone();
        int sketched = 0;
        for (int j = 0; j < dots.length; j++) {
            boolean present = library.get(j).chars().present();
            dots[j] = present ? dots[j] : Double.NEGATIVE_INFINITY; // never picked
            sketched += present ? 1 : 0;
        }
        if (sketched == 0) {
            return 0;
        }
        int[] nearest = best(dots, Math.min(CHAR_READ, sketched));
        int read = nearest.length;
        double[] cosines = new double[read];
        for (int r = 0; r < read; r++) {
            cosines[r] = library.get(nearest[r]).chars().dot(chars);
        }
        Arrays.sort(cosines);
        int k = Math.min(CHAR_NEAREST, read);
        double sum = 0;
        for (int r = 0; r < k; r++) {
            sum += cosines[read - 1 - r];
        }
        return sum / k;
    }

    /**
     * Collection papers whose sketches are read per paper scored: see {@link #nearestChars}. Six rank as well as ten
     * on the development reader-days, four 0.0017 lower (docs/quality-log.md, session 13).
     */
    static final int CHAR_READ = 6;
    /** How many of a paper's highest character cosines to collection papers are averaged. */
    static final int CHAR_NEAREST = 3;
    /**
     * Ranking many papers, the character part is added to this many of the {@code rerankDepth} best, the best by
     * every other part: on the development reader-days 20, 30 and 50 give the same nDCG@10 (Recall@20 0.005 lower at
     * 20), and 20 halves its cost (docs/quality-log.md, session 13).
     */
    static final int CHAR_DEPTH = 20;

    /**
     * The scores of {@code candidates}, in their order: the linear score of each, plus, for the {@code rerankDepth}
     * best by it (ties by position), the nearest-paper part and the language-model part, so that those are ranked by
     * the whole score; the others keep their linear score. The language-model part is the {@link LibraryLanguageModel}
     * score standardised among those best (z-score) and shifted so that its lowest is 0: it re-orders them and never
     * lowers one below where its linear score put it. The character part, last, only to the {@link #CHAR_DEPTH} best
     * of those by everything else (each costs six reads of 16 KB).
     */
    public double[] score(List<PaperFeatures> candidates) {
        return score(candidates, null);
    }

    /**
     * As {@link #score(List)}, with the terms of a list that holds every candidate numbered ahead, once for every
     * reader that ranks them ({@link ReaderModels#dayTerms}); null numbers them here.
     */
    public double[] score(List<PaperFeatures> candidates, DayTerms day) {
        return rank(candidates, day).scores();
    }

    /**
     * As {@link #score(List, DayTerms)}, keeping what ranking computed that naming each paper's closest collection
     * papers needs again ({@link Ranking#because}): the embedding cosines of the papers the nearest-paper part saw.
     */
    public Ranking rank(List<PaperFeatures> candidates, DayTerms day) {
        double[] scores = linear(candidates);
        double[][] dots = new double[candidates.size()][];
        if (!hasNearest() && languageWeight == 0) {
            return new Ranking(candidates, scores, dots);
        }
        int[] best = best(scores, rerankDepth);
        try (LibraryTerms terms = libraryTerms()) {
            for (int i : best) {
                dots[i] = nearestEmbedding != 0 || charWeight != 0 ? new double[library.size()] : null;
                scores[i] += nearest(candidates.get(i), terms, dots[i], false); // the character part comes last
            }
        }
        if (languageWeight != 0 && best.length > 1) {
            List<PaperFeatures> top = new ArrayList<>(best.length);
            for (int i : best) {
                top.add(candidates.get(i));
            }
            double[] language = standardised(day != null ? LibraryLanguageModel.scores(library, top, day)
                    : LibraryLanguageModel.scores(library, top, collection));
            for (int k = 0; k < best.length; k++) {
                scores[best[k]] += languageWeight * language[k];
            }
        }
        if (charWeight != 0) { // the character part, to the best by all the others
            double[] sub = new double[best.length];
            for (int k = 0; k < best.length; k++) {
                sub[k] = scores[best[k]];
            }
            for (int k : best(sub, CHAR_DEPTH)) {
                int i = best[k];
                if (candidates.get(i).chars().present()) {
                    scores[i] += charWeight * nearestChars(candidates.get(i).chars(), dots[i]);
                }
            }
        }
        return new Ranking(candidates, scores, dots);
    }

    /** The scores of a list of papers, in their order, and the papers each is closest to in the collection. */
    public final class Ranking {
        private final List<PaperFeatures> papers;
        private final double[] scores;
        private final double[][] dots;

        private Ranking(List<PaperFeatures> papers, double[] scores, double[][] dots) {
            this.papers = papers;
            this.scores = scores;
            this.dots = dots;
        }

        /** The scores, in the papers' order (this array: callers must not change it). */
        public double[] scores() {
            return scores;
        }

        /** {@link ReaderModel#because} of the {@code i}-th paper, from the cosines ranking computed when it has them. */
        public List<Because> because(int i, int max) {
            return closest(papers.get(i), max, dots[i]);
        }
    }

    /** {@code x} as z-scores, shifted so that the lowest is 0 (all 0 when they are all equal). */
    static double[] standardised(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double variance = 0;
        double min = Double.POSITIVE_INFINITY;
        for (double v : x) {
            variance += (v - mean) * (v - mean);
            min = Math.min(min, v);
        }
        double sd = Math.sqrt(variance / x.length);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length && sd > 0; i++) {
            out[i] = (x[i] - min) / sd;
        }
        return out;
    }

    /**
     * The positions of the {@code k} best of {@code papers} by {@code scores} (their scores, in their order), best
     * first, ties by paper id: the papers at or above the k-th highest score are sorted, not all of them.
     */
    public static int[] top(double[] scores, List<PaperFeatures> papers, int k) {
        if (k <= 0 || scores.length == 0) {
            return new int[0];
        }
        double threshold = kthHighest(scores, Math.min(k, scores.length));
        int[] kept = new int[scores.length];
        int n = 0;
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] >= threshold) {
                kept[n++] = i;
            }
        }
        if (n > INSERTION_SORTED) { // many tied at the threshold
            return IntStream.of(Arrays.copyOf(kept, n)).boxed()
                    .sorted((a, b) -> before(a, b, scores, papers) ? -1 : before(b, a, scores, papers) ? 1 : 0)
                    .limit(k).mapToInt(Integer::intValue).toArray();
        }
        for (int i = 1; i < n; i++) {
            int paper = kept[i];
            int at = i;
            while (at > 0 && before(paper, kept[at - 1], scores, papers)) {
                kept[at] = kept[at - 1];
                at--;
            }
            kept[at] = paper;
        }
        return Arrays.copyOf(kept, Math.min(k, n));
    }

    /** Papers at or above the k-th highest score sorted by insertion when they are this few (k, usually). */
    private static final int INSERTION_SORTED = 64;

    /** Whether paper {@code a} ranks before {@code b}: a higher score ({@link Double#compare} of the negated), then id. */
    private static boolean before(int a, int b, double[] scores, List<PaperFeatures> papers) {
        int byScore = Double.compare(-scores[a], -scores[b]);
        return byScore != 0 ? byScore < 0 : papers.get(a).id().compareTo(papers.get(b).id()) < 0;
    }

    /** The positions of the {@code k} highest scores (ties by position). */
    static int[] best(double[] scores, int k) {
        if (k >= scores.length) {
            return IntStream.range(0, scores.length).toArray();
        }
        double threshold = kthHighest(scores, k);
        int above = 0;
        for (double s : scores) {
            above += s > threshold ? 1 : 0;
        }
        int[] out = new int[k];
        int n = 0;
        int ties = k - above; // papers at the threshold taken, first positions first
        for (int i = 0; i < scores.length && n < k; i++) {
            if (scores[i] > threshold || (scores[i] == threshold && ties-- > 0)) {
                out[n++] = i;
            }
        }
        return out;
    }

    /**
     * The {@code k}-th highest of {@code scores} (1 ≤ k ≤ their number), in {@link Double#compare}'s order as
     * {@link Arrays#sort(double[])} would put it: the least of the k highest, kept in a heap while the scores pass
     * once (most fall below it: one comparison each), not sorted, as every reader's ranking asks for it twice.
     */
    static double kthHighest(double[] scores, int k) {
        double[] heap = Arrays.copyOf(scores, k); // the k highest so far, least first
        for (int i = k / 2 - 1; i >= 0; i--) {
            siftDown(heap, i);
        }
        for (int i = k; i < scores.length; i++) {
            if (Double.compare(scores[i], heap[0]) > 0) {
                heap[0] = scores[i];
                siftDown(heap, 0);
            }
        }
        return heap[0];
    }

    /** Moves {@code heap[i]} down until neither child is less ({@link Double#compare}). */
    private static void siftDown(double[] heap, int i) {
        double x = heap[i];
        int n = heap.length;
        while (2 * i + 1 < n) {
            int child = 2 * i + 1;
            if (child + 1 < n && Double.compare(heap[child + 1], heap[child]) < 0) {
                child++;
            }
            if (Double.compare(heap[child], x) >= 0) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = x;
    }

    /**
     * The (at most) {@code max} collection papers closest to {@code paper} by the cosine of their embeddings, closest
     * first, ties by id; the paper itself, if it is in the collection, is skipped.
     */
    public List<Because> because(PaperFeatures paper, int max) {
        return closest(paper, max, null);
    }

    /** @param dots the embedding cosines of {@code paper} with each collection paper (null: computed here) */
    private List<Because> closest(PaperFeatures paper, int max, double[] dots) {
        Comparator<Because> closerFirst = Comparator.comparingDouble(Because::similarity).reversed()
                .thenComparing(Because::id);
        List<Because> closest = new ArrayList<>(max + 1); // kept sorted: insertion, as max is small
        for (int k = 0; k < library.size() && max > 0; k++) {
            PaperFeatures saved = library.get(k);
            if (!saved.id().equals(paper.id())) {
                double similarity = dots != null ? dots[k] : Vectors.dot(saved.embedding(), paper.embedding());
                if (closest.size() == max && similarity < closest.get(max - 1).similarity()) {
                    continue; // farther than all it would have to beat
                }
                Because b = new Because(saved.id(), similarity);
                if (closest.size() < max || closerFirst.compare(b, closest.get(max - 1)) < 0) {
                    int at = closest.size();
                    while (at > 0 && closerFirst.compare(b, closest.get(at - 1)) < 0) {
                        at--;
                    }
                    closest.add(at, b);
                    if (closest.size() > max) {
                        closest.remove(max);
                    }
                }
            }
        }
        return List.copyOf(closest);
    }
}
