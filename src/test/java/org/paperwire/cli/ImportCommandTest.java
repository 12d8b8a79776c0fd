package org.paperwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {
    @TempDir
    Path dir;

    /** What one run of the command line printed and returned. */
    record Run(int status, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    @Test
    void importWithJsonPrintsOneReportObjectAndExitsOneWhenARecordFailed() throws Exception {
        Run run = paperwire("--data-dir", dir.toString(), "import", "--json", fixture("2025-03-18.jsonl"));

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out().strip().lines()).hasSize(1);
        JsonNode report = run.json();
        assertThat(keys(report)).contains("read", "new", "updated", "unchanged", "skipped", "failed");
        assertThat(report.get("read").asLong()).isEqualTo(7);
        assertThat(report.get("new").asLong()).isEqualTo(3);
        assertThat(report.get("unchanged").asLong()).isEqualTo(1);
        assertThat(report.get("failed").asLong()).isEqualTo(3);
    }

    @Test
    void importExitsZeroWhenEveryRecordWasStored() throws Exception {
        Run run = paperwire("--data-dir", dir.toString(), "import", "--format", "beir", fixture("beir-corpus.jsonl"));

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("new 3").contains("failed 0");
    }

    @Test
    void anUnknownFormatIsAUsageErrorNamingTheChoices() throws Exception {
        Run run = paperwire("--data-dir", dir.toString(), "import", "--format", "csv", fixture("beir-corpus.jsonl"));

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("unknown format 'csv'; use one of kaggle|daily|beir");
    }

    @Test
    void benchImportReportsItsMeasuresAsJsonAndLeavesNoStoreBehind() throws Exception {
        Path files = Files.createDirectory(dir.resolve("files"));
        Files.copy(Path.of(fixture("beir-corpus.jsonl")), files.resolve("corpus.jsonl"));

        Run run = paperwire("bench", "import", "--json", "--files", files.toString());

        assertThat(run.status()).isZero();
        JsonNode result = run.json();
        assertThat(keys(result)).contains("papers", "seconds", "papers_per_second", "peak_rss_mb");
        assertThat(result.get("papers").asLong()).isEqualTo(3);
        assertThat(result.get("distinct_papers").asLong()).isEqualTo(3);
    }

    private static Run paperwire(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            int status = Main.run(args);
            return new Run(status, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static List<String> keys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static String fixture(String name) throws URISyntaxException {
        return Path.of(ImportCommandTest.class.getResource("/fixtures/bulk/" + name).toURI()).toString();
    }
}
