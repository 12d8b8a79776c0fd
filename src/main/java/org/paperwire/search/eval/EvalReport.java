package org.paperwire.search.eval;

import java.util.LinkedHashMap;
import java.util.Map;
import org.paperwire.search.SearchMode;

/**
 * What {@code paperwire eval} measured.
 *
 * @param embedded documents embedded in this run (0 when all came from the cache)
 * @param embedSeconds time spent embedding them
 */
public record EvalReport(String dataset, int queries, Map<SearchMode, Metrics> modes, long embedded, double embedSeconds) {

    /** The documented JSON shape: {@code {"dataset", "queries", "modes": {mode: {"ndcg@10", "recall@100", "mrr@10"}}}}. */
    public Map<String, Object> toJson() {
        Map<String, Object> byMode = new LinkedHashMap<>();
        modes.forEach((mode, m) -> {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("ndcg@10", round(m.ndcg10()));
            values.put("recall@100", round(m.recall100()));
            values.put("mrr@10", round(m.mrr10()));
            byMode.put(mode.id(), values);
        });
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("dataset", dataset);
        json.put("queries", queries);
        json.put("modes", byMode);
        return json;
    }

    static double round(double x) {
        return Math.round(x * 10000) / 10000.0;
    }
}
