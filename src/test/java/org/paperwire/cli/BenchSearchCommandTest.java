package org.paperwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench search --modes} measures one mode alone, {@code --embed-sample 0} skips the embedding part, and
 * every run reports the index's shape and a bare-Lucene floor.
 */
class BenchSearchCommandTest {
    @TempDir
    Path dir;

    @Test
    void keywordAloneWithoutEmbeddingReportsOnlyTheKeywordMode() throws Exception {
        CliRun.importListing(dir, "2025-03-18");

        CliRun run = CliRun.paperwire("--data-dir", dir.toString(), "bench", "search", "--json", "--modes", "keyword",
                "--embed-sample", "0", "--embed-limit", "0", "--queries", "20");

        assertThat(run.status()).isZero();
        JsonNode result = run.json();
        List<String> keys = new ArrayList<>();
        result.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("docs", "index_mb", "segments", "deleted_docs_ratio", "keyword", "floor",
                "keyword_over_floor");
        assertThat(result.get("keyword").get("p50_ms").asDouble()).isPositive();
        assertThat(result.get("keyword").get("qps").asDouble()).isPositive();
    }

    /** Issue 12, point 9: the index measured and a floor from the same run, so that overhead is a ratio. */
    @Test
    void theIndexShapeAndABareLuceneFloorAreReportedBesideTheModes() throws Exception {
        CliRun.importListing(dir, "2025-03-18");

        JsonNode result = CliRun.paperwire("--data-dir", dir.toString(), "bench", "search", "--json", "--modes",
                "keyword", "--embed-sample", "0", "--embed-limit", "0", "--queries", "20").json();

        assertThat(result.get("segments").asInt()).isPositive();
        assertThat(result.get("deleted_docs_ratio").asDouble()).isBetween(0.0, 1.0);
        JsonNode floor = result.get("floor");
        assertThat(floor.get("p50_ms").asDouble()).isPositive();
        assertThat(floor.get("p99_ms").asDouble()).isGreaterThanOrEqualTo(floor.get("p50_ms").asDouble());
        assertThat(result.get("keyword_over_floor").asDouble()).isPositive();
    }

    @Test
    void anUnknownModeIsAUsageErrorNamingTheChoices() {
        CliRun run = CliRun.paperwire("--data-dir", dir.toString(), "bench", "search", "--modes", "keyword,fuzzy");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("unknown search mode 'fuzzy'").contains("keyword, semantic or hybrid");
    }
}
