package org.paperwire.recommend.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reader-day tasks and their metrics (binary relevance, ties broken by paper id). */
class ReaderDaysTest {
    @TempDir
    Path dir;

    @Test
    void readsTasksAndNamesTheLineOfABadOne() throws IOException {
        Path file = dir.resolve("tasks.jsonl");
        Files.writeString(file, """
                {"reader": "r1", "date": "2025-09-01", "library": ["2503.00001", "2504.00002"], "relevant": ["2508.00003"]}

                {"reader": "r2", "date": "01/09/2025", "library": ["2503.00001"], "relevant": ["2508.00003"]}
                """);
        assertThatThrownBy(() -> ReaderDays.load(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tasks.jsonl:3").hasMessageContaining("01/09/2025");

        Files.writeString(file, "{\"reader\": \"r1\", \"date\": \"2025-09-01\", \"library\": [\"2503.00001\"],"
                + " \"relevant\": [\"2508.00003\"]}\n");
        assertThat(ReaderDays.load(file)).containsExactly(new ReaderDay("r1", LocalDate.parse("2025-09-01"),
                List.of("2503.00001"), List.of("2508.00003")));
        assertThatThrownBy(() -> ReaderDays.load(dir.resolve("missing.jsonl"))).hasMessageContaining("missing.jsonl");
    }

    @Test
    void metricsRankByScoreThenByIdAscending() {
        List<String> ranked = RecsMetrics.rank(List.of("c", "b", "a", "d"), new double[] {0.5, 0.9, 0.5, 0.1});
        assertThat(ranked).containsExactly("b", "a", "c", "d");

        RecsMetrics m = RecsMetrics.of(ranked, Set.of("a"));
        assertThat(m.ndcg10()).isCloseTo(1 / (Math.log(3) / Math.log(2)), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(m.recall20()).isEqualTo(1.0);
        assertThat(m.mrr()).isEqualTo(0.5);
        assertThat(RecsMetrics.of(ranked, Set.of("d", "x")).recall20()).isEqualTo(0.5);
    }
}
