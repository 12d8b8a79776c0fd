package org.paperwire.search;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * How a keyword and a semantic ranking become one score per paper.
 *
 * <p>Fusion sees the union of both candidate lists with <em>both</em> scores of every paper: the search
 * computes the score a paper would have had in the list it is missing from (Bruch, Gai and Ingber 2023, "An
 * Analysis of Fusion Functions for Hybrid Retrieval", §3.1), so a paper found by only one side is not
 * judged as if the other side had scored it zero. Keyword scores are BM25 (0 when no query word matches);
 * semantic scores are Lucene's dot-product scores {@code (1 + cosine) / 2}, in [0, 1]; NaN when the paper
 * has no vector yet, and then its keyword rank counts on both sides.
 *
 * <p>{@link #DEFAULT} was chosen on a development collection of our own (docs/quality-log.md), never on
 * SciFact, which only reports it.
 */
public sealed interface Fusion {
    /** One candidate paper with both of its scores. */
    record Pair(String id, double keyword, double semantic) {}

    /** Fused scores of every candidate. */
    Map<String, Double> fuse(List<Pair> candidates);

    /** What a fusion is called in {@code eval --fusion}: {@code rrf}, or {@code mm|tmm|z:SEMANTIC_WEIGHT}. */
    String spec();

    /**
     * Theoretical min-max with 0.85 on the semantic side: the best of 20 settings on the development collection
     * (first sample of {@code eval --cloze}; tied with 0.9, and 0.85 is the one farther from the drop at 0.95).
     * bge's cosines lie in a narrow band above the theoretical minimum, so its normalised scores spread less
     * than BM25's and need the larger weight.
     */
    Fusion DEFAULT = new Convex(Normalization.THEORETICAL_MIN_MAX, 0.85);

    /**
     * Parses {@code rrf} or {@code NORMALIZATION:WEIGHT} ({@code mm}, {@code tmm} or {@code z}; the weight of
     * the semantic side, 0..1).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static Fusion parse(String spec) {
        String s = spec.strip().toLowerCase(Locale.ROOT);
        if (s.equals("rrf")) {
            return new Rrf(60);
        }
        int colon = s.indexOf(':');
        Normalization normalization = Normalization.byId(colon < 0 ? s : s.substring(0, colon));
        if (normalization == null) {
            throw new IllegalArgumentException("unknown fusion '" + spec + "'; use rrf, or mm, tmm or z with a semantic"
                    + " weight, e.g. tmm:0.8");
        }
        double weight = 0.5;
        if (colon >= 0) {
            try {
                weight = Double.parseDouble(s.substring(colon + 1));
            } catch (NumberFormatException e) {
                weight = Double.NaN;
            }
            if (!(weight >= 0 && weight <= 1)) {
                throw new IllegalArgumentException("fusion weight in '" + spec + "' must be a number from 0 to 1");
            }
        }
        return new Convex(normalization, weight);
    }

    /**
     * Reciprocal rank fusion (Cormack et al. 2009): the sum over both rankings of 1 / (k + rank), ranks taken
     * within the union. Ignores how far apart scores are.
     */
    record Rrf(int k) implements Fusion {
        @Override
        public Map<String, Double> fuse(List<Pair> candidates) {
            Map<String, Double> fused = new HashMap<>();
            Map<String, Double> keyword = ranks(candidates, Pair::keyword);
            Map<String, Double> semantic = ranks(candidates.stream().filter(p -> !Double.isNaN(p.semantic())).toList(),
                    Pair::semantic);
            for (Pair p : candidates) {
                double k1 = keyword.get(p.id());
                // a paper without a vector yet counts its keyword rank on both sides
                fused.put(p.id(), k1 + semantic.getOrDefault(p.id(), k1));
            }
            return fused;
        }

        private Map<String, Double> ranks(List<Pair> candidates, ToDoubleFunction<Pair> score) {
            List<Pair> ranked = candidates.stream()
                    .sorted(Comparator.comparingDouble(score).reversed().thenComparing(Pair::id)).toList();
            Map<String, Double> out = new HashMap<>();
            for (int i = 0; i < ranked.size(); i++) {
                out.put(ranked.get(i).id(), 1.0 / (k + i + 1));
            }
            return out;
        }

        @Override
        public String spec() {
            return "rrf";
        }
    }

    /** How each side's scores are put on a common scale before they are combined. */
    enum Normalization {
        /** (s - min) / (max - min) over the candidates. */
        MIN_MAX("mm"),
        /**
         * (s - lowest possible) / (max - lowest possible): the lowest possible score (0 for BM25, cosine -1 for
         * vectors, which is 0 in Lucene's form) replaces the observed minimum, one data-dependent statistic
         * fewer (Bruch et al. 2023, §4.2).
         */
        THEORETICAL_MIN_MAX("tmm"),
        /** (s - mean) / standard deviation over the candidates. */
        Z_SCORE("z");

        private final String id;

        Normalization(String id) {
            this.id = id;
        }

        static Normalization byId(String id) {
            for (Normalization n : values()) {
                if (n.id.equals(id)) {
                    return n;
                }
            }
            return null;
        }

        /** Normalises {@code scores} in place; NaN entries (no score) are left NaN and ignored. */
        void apply(double[] scores) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            int n = 0;
            for (double s : scores) {
                if (!Double.isNaN(s)) {
                    min = Math.min(min, s);
                    max = Math.max(max, s);
                    sum += s;
                    n++;
                }
            }
            if (n == 0) {
                return;
            }
            double mean = sum / n;
            double squares = 0;
            for (double s : scores) {
                if (!Double.isNaN(s)) {
                    squares += (s - mean) * (s - mean);
                }
            }
            double sd = Math.sqrt(squares / n);
            double low = this == THEORETICAL_MIN_MAX ? 0 : min;
            for (int i = 0; i < scores.length; i++) {
                if (Double.isNaN(scores[i])) {
                    continue;
                }
                scores[i] = switch (this) {
                    case MIN_MAX, THEORETICAL_MIN_MAX -> max > low ? (scores[i] - low) / (max - low) : 1.0;
                    case Z_SCORE -> sd > 0 ? (scores[i] - mean) / sd : 0.0;
                };
            }
        }
    }

    /**
     * A convex combination: {@code semanticWeight · norm(semantic) + (1 - semanticWeight) · norm(keyword)}.
     * Bruch et al. found it better than RRF in and out of domain, and robust to its one parameter.
     */
    record Convex(Normalization normalization, double semanticWeight) implements Fusion {
        @Override
        public Map<String, Double> fuse(List<Pair> candidates) {
            int n = candidates.size();
            double[] keyword = new double[n];
            double[] semantic = new double[n];
            for (int i = 0; i < n; i++) {
                keyword[i] = candidates.get(i).keyword();
                semantic[i] = candidates.get(i).semantic();
            }
            normalization.apply(keyword);
            normalization.apply(semantic);
            imputeByRank(keyword, semantic);
            Map<String, Double> fused = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                fused.put(candidates.get(i).id(), semanticWeight * semantic[i] + (1 - semanticWeight) * keyword[i]);
            }
            return fused;
        }

        /**
         * Gives each paper without a vector (NaN) the semantic score found at the same relative rank among the
         * papers with one as its keyword score has among all: its keyword side counts for both, on the semantic
         * side's scale (the two scales can differ a lot: theoretical min-max keeps vectors near the top).
         */
        private static void imputeByRank(double[] keyword, double[] semantic) {
            double[] known = Arrays.stream(semantic).filter(x -> !Double.isNaN(x)).sorted().toArray();
            double[] keywords = keyword.clone();
            Arrays.sort(keywords);
            for (int i = 0; i < semantic.length; i++) {
                if (!Double.isNaN(semantic[i])) {
                    continue;
                }
                if (known.length == 0) {
                    semantic[i] = keyword[i];
                    continue;
                }
                int atMost = upperBound(keywords, keyword[i]); // ties take the best rank among them
                double quantile = keywords.length > 1 ? (double) (atMost - 1) / (keywords.length - 1) : 1.0;
                semantic[i] = known[(int) Math.floor(quantile * (known.length - 1))]; // rounding down: never promoted
            }
        }

        /** How many values of sorted {@code a} are at most {@code x}. */
        private static int upperBound(double[] a, double x) {
            int lo = 0;
            int hi = a.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (a[mid] <= x) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        @Override
        public String spec() {
            return normalization.id + ":" + semanticWeight;
        }
    }
}
