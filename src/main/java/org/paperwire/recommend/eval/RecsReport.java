package org.paperwire.recommend.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code paperwire eval --recs} measured: the model's metrics, and those of the baselines by name.
 *
 * @param embedded papers embedded in this run (0 when all came from the cache)
 * @param embedSeconds time spent embedding them
 */
public record RecsReport(int readerDays, RecsMetrics model, Map<String, RecsMetrics> baselines, long embedded,
        double embedSeconds) {

    /** {@code {"reader_days", "ndcg@10", "recall@20", "mrr", "baselines": {name: {"ndcg@10", "recall@20", "mrr"}}}}. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("reader_days", readerDays);
        json.putAll(model.toJson());
        Map<String, Object> byName = new LinkedHashMap<>();
        baselines.forEach((name, m) -> byName.put(name, m.toJson()));
        json.put("baselines", byName);
        return json;
    }
}
