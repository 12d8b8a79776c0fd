package org.paperwire.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;
import org.paperwire.search.SearchMode;

/**
 * What {@code bench search} measured, in the documented JSON shape of {@code bench search --json} (components
 * in key order; modes not measured and parts skipped are left out). {@code segments} and
 * {@code deletedDocsRatio} describe the index measured, {@code floor} is {@link SearchBenchmark#floor},
 * {@code keywordOverFloor} keyword p50 over floor p50 (present when keyword search was measured). Numbers are
 * rounded to two decimals (the ratio of deleted documents to four), so that runs diff cleanly.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchBenchResult(long docs, double indexMb, int segments, double deletedDocsRatio,
        SearchBenchmark.Latency keyword, SearchBenchmark.Latency semantic, SearchBenchmark.Latency hybrid, Floor floor,
        Double keywordOverFloor, SearchBenchmark.EmbeddingSpeed embedding) {

    /** The floor's percentiles (it is timed on one client only, so it has no throughput). */
    public record Floor(double p50Ms, double p99Ms) {}

    /** The modes measured, keyword, semantic, hybrid in that order. */
    public Map<SearchMode, SearchBenchmark.Latency> modes() {
        Map<SearchMode, SearchBenchmark.Latency> modes = new LinkedHashMap<>();
        for (SearchMode mode : SearchMode.values()) {
            SearchBenchmark.Latency l = switch (mode) {
                case KEYWORD -> keyword;
                case SEMANTIC -> semantic;
                case HYBRID -> hybrid;
            };
            if (l != null) {
                modes.put(mode, l);
            }
        }
        return modes;
    }

    /** How many times the floor's p50 a mode's p50 is. */
    public double overFloor(SearchBenchmark.Latency mode) {
        return mode.p50Ms() / Math.max(floor.p50Ms(), 1e-6);
    }
}
