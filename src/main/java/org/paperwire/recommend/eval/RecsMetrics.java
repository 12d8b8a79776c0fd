package org.paperwire.recommend.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Mean quality of one ranker over reader-days: nDCG@10, Recall@20 and MRR (the whole ranking), binary relevance,
 * the ranking sorted by score (descending) with ties broken by paper id (ascending), as the task's SOURCE.md says.
 */
public record RecsMetrics(double ndcg10, double recall20, double mrr) {

    /** The ranking of {@code ids} by {@code scores}: best first, ties by id. */
    static List<String> rank(List<String> ids, double[] scores) {
        List<Integer> order = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparing(ids::get));
        return order.stream().map(ids::get).toList();
    }

    /** The metrics of one ranking. */
    static RecsMetrics of(List<String> ranked, Set<String> relevant) {
        double dcg = 0;
        int found20 = 0;
        double rr = 0;
        for (int i = 0; i < ranked.size(); i++) {
            if (!relevant.contains(ranked.get(i))) {
                continue;
            }
            if (i < 10) {
                dcg += 1 / log2(i + 2);
            }
            if (i < 20) {
                found20++;
            }
            if (rr == 0) {
                rr = 1.0 / (i + 1);
            }
        }
        double idcg = 0;
        for (int i = 0; i < Math.min(10, relevant.size()); i++) {
            idcg += 1 / log2(i + 2);
        }
        return new RecsMetrics(dcg / idcg, (double) found20 / relevant.size(), rr);
    }

    /** The mean of {@code each}. */
    static RecsMetrics mean(List<RecsMetrics> each) {
        double n = each.size();
        return new RecsMetrics(each.stream().mapToDouble(RecsMetrics::ndcg10).sum() / n,
                each.stream().mapToDouble(RecsMetrics::recall20).sum() / n, each.stream().mapToDouble(RecsMetrics::mrr).sum() / n);
    }

    /** The documented JSON keys: {@code ndcg@10}, {@code recall@20}, {@code mrr}, rounded to four places. */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ndcg@10", round(ndcg10));
        json.put("recall@20", round(recall20));
        json.put("mrr", round(mrr));
        return json;
    }

    private static double round(double x) {
        return Math.round(x * 10000) / 10000.0;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
