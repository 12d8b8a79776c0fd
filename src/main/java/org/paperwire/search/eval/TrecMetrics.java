package org.paperwire.search.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * nDCG@k, Recall@k and MRR@k of one query, computed as trec_eval computes them: the run is re-sorted by
 * score (descending), ties by document id in <em>descending</em> string order (trec_eval's rule, whatever the
 * run's own ranks say); a document is relevant when its grade is at least 1; nDCG's gain is the grade with a
 * log2(rank + 1) discount, and the ideal ranking comes from all of the query's judgements.
 */
public final class TrecMetrics {
    private TrecMetrics() {}

    /** One retrieved document and its score. */
    public record Scored(String id, double score) {}

    /** The run in trec_eval's order. */
    static List<String> trecOrder(List<Scored> run) {
        List<Scored> sorted = new ArrayList<>(run);
        sorted.sort(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparing(Scored::id, Comparator.reverseOrder()));
        return sorted.stream().map(Scored::id).toList();
    }

    public static double ndcg(List<String> ranked, Map<String, Integer> qrels, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            int grade = qrels.getOrDefault(ranked.get(i), 0);
            if (grade > 0) {
                dcg += grade / log2(i + 2);
            }
        }
        List<Integer> ideal = qrels.values().stream().filter(g -> g > 0).sorted(Comparator.reverseOrder()).toList();
        double idcg = 0;
        for (int i = 0; i < Math.min(k, ideal.size()); i++) {
            idcg += ideal.get(i) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    public static double recall(List<String> ranked, Map<String, Integer> qrels, int k) {
        long relevant = qrels.values().stream().filter(g -> g > 0).count();
        if (relevant == 0) {
            return 0;
        }
        long found = ranked.stream().limit(k).filter(id -> qrels.getOrDefault(id, 0) > 0).count();
        return (double) found / relevant;
    }

    public static double reciprocalRank(List<String> ranked, Map<String, Integer> qrels, int k) {
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            if (qrels.getOrDefault(ranked.get(i), 0) > 0) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
