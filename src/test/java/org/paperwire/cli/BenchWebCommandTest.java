package org.paperwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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

        String[] out = run("--data-dir", store.toString(), "bench", "web", "--json", "--files", files.toString(),
                "--seconds", "1", "--warmup", "0");

        assertThat(out[0]).isEqualTo("0");
        JsonNode result = new ObjectMapper().readTree(out[1]);
        for (String page : List.of("trending", "search", "paper")) {
            JsonNode r = result.get(page);
            assertThat(r.get("rps").asDouble()).as(page).isPositive();
            assertThat(r.get("p99_ms").asDouble()).as(page).isPositive();
            assertThat(r.get("errors").asLong()).as(page).isZero();
        }
        assertThat(result.get("cores").asInt()).isPositive();
        assertThat(result.get("embedding_backlog").asLong()).isEqualTo(result.get("papers").asLong());
        assertThat(result.get("search_mode").asText()).contains("no vectors");
        assertThat(out[2]).contains("importing 2 daily files");
        assertThat(store.resolve("paperwire.db")).exists();
    }

    /** Exit status, stdout and stderr of one command line. */
    private static String[] run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            int status = Main.run(args);
            return new String[] {Integer.toString(status), stdout.toString(StandardCharsets.UTF_8),
                    stderr.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
