package org.paperwire.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paperwire.search.SearchMode;
import org.paperwire.search.index.SearchIndex;
import org.paperwire.web.Json;

/** Issue 12, point 7: benchmark results are records whose JSON keeps the keys, and their order, tools read. */
class BenchResultJsonTest {
    private static final HttpLoad.Result LOAD = new HttpLoad.Result(10, 0, 1, 10, 1, 2, 3, 0.5, 100);

    @Test
    void benchWebKeysAndTheirOrder() throws Exception {
        JsonNode json = json(new WebBenchResult(LOAD, LOAD, LOAD, 2, 0.5, 2, 10, 100, "hybrid", 0, List.of(),
                WebBenchResult.GoalsMet.of(LOAD, LOAD)));

        assertThat(keys(json)).containsExactly("trending", "search", "paper", "cores", "load_average", "clients",
                "seconds_per_page", "papers", "search_mode", "embedding_backlog", "search_notes", "goals_met");
        assertThat(keys(json.get("trending"))).containsExactly("requests", "errors", "seconds", "rps", "p50_ms",
                "p99_ms", "max_ms", "cpu_ms_per_request", "mean_bytes");
        assertThat(keys(json.get("goals_met"))).containsExactly("trending", "search");
    }

    @Test
    void benchDigestKeysAndTheirOrder() throws Exception {
        assertThat(keys(json(DigestBenchResult.of(10, 5, 10, 2, 1, 10, 0, 16, 300)))).containsExactly("subscribers",
                "papers", "digests_built", "build_seconds", "digests_per_second", "send_seconds", "messages_sent",
                "messages_failed", "messages_per_second", "smtp_connections", "peak_rss_mb", "library_papers");
    }

    @Test
    void benchImportKeysAndTheirOrder() throws Exception {
        assertThat(keys(json(new ImportBenchResult(1, 2, 2, 0, 1.5, 2, 300)))).containsExactly("files", "papers",
                "distinct_papers", "failed", "seconds", "papers_per_second", "peak_rss_mb");
    }

    @Test
    void benchSearchKeysInOrderWithEveryPartMeasured() throws Exception {
        SearchBenchmark.Latency l = new SearchBenchmark.Latency(1.234, 5.678, 90.123);
        SearchBenchResult r = SearchBenchmark.result(100, 12.345, new SearchIndex.Shape(3, 7, 1),
                Map.of(SearchMode.HYBRID, l, SearchMode.KEYWORD, l, SearchMode.SEMANTIC, l), l,
                new SearchBenchmark.EmbeddingSpeed(8, 10.111, 5.555));

        JsonNode json = json(r);

        assertThat(keys(json)).containsExactly("docs", "index_mb", "segments", "deleted_docs_ratio", "keyword",
                "semantic", "hybrid", "floor", "keyword_over_floor", "embedding");
        assertThat(keys(json.get("keyword"))).containsExactly("p50_ms", "p99_ms", "qps");
        assertThat(keys(json.get("floor"))).containsExactly("p50_ms", "p99_ms");
        assertThat(keys(json.get("embedding"))).containsExactly("texts", "pipeline_docs_per_second",
                "plain_docs_per_second");
        assertThat(json.get("keyword").get("p50_ms").asDouble()).isEqualTo(1.23);
        assertThat(json.get("deleted_docs_ratio").asDouble()).isEqualTo(0.125);
    }

    private static JsonNode json(Object result) throws Exception {
        return Json.mapper().readTree(Json.mapper().writeValueAsString(result));
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
