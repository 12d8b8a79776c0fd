package org.paperwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.SharedData;

/** Issue 4: {@code bench web} drives the real server and reports req/s and p99 per page, and what it measured. */
class BenchWebCommandTest {
    @TempDir
    Path dir;

    @Test
    void benchWebMeasuresTheThreePagesOverAStoreItImportsAndKeepsUnderDataDir() throws Exception {
        Path files = Files.createDirectory(dir.resolve("files"));
        for (String day : List.of("2025-03-18", "2025-03-19")) {
            Path file = SharedData.path("arxiv/daily-arxiv-ai-enhanced/data/" + day + ".jsonl.gz");
            Files.copy(file, files.resolve(file.getFileName()));
        }
        Path store = dir.resolve("store");

        CliRun run = CliRun.paperwire("--data-dir", store.toString(), "bench", "web", "--json", "--files", files.toString(),
                "--seconds", "1", "--warmup", "0");

        assertThat(run.status()).isZero();
        JsonNode result = run.json();
        for (String page : List.of("trending", "search", "paper")) {
            JsonNode r = result.get(page);
            assertThat(r.get("rps").asDouble()).as(page).isPositive();
            assertThat(r.get("p99_ms").asDouble()).as(page).isPositive();
            assertThat(r.get("errors").asLong()).as(page).isZero();
        }
        assertThat(result.get("cores").asInt()).isPositive();
        assertThat(result.get("embedding_backlog").asLong()).isEqualTo(result.get("papers").asLong());
        assertThat(result.get("search_mode").asText()).contains("no vectors");
        assertThat(run.err()).contains("importing 2 daily files");
        assertThat(store.resolve("paperwire.db")).exists();
    }
}
