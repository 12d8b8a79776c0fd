package org.paperwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {
    @TempDir
    Path dir;


    @Test
    void importWithJsonPrintsOneReportObjectAndExitsOneWhenARecordFailed() throws Exception {
        CliRun run = paperwire("--data-dir", dir.toString(), "import", "--json", fixture("2025-03-18.jsonl"));

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
        CliRun run = paperwire("--data-dir", dir.toString(), "import", "--format", "beir", fixture("beir-corpus.jsonl"));

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("new 3").contains("failed 0");
    }

    @Test
    void anUnknownFormatIsAUsageErrorNamingTheChoices() throws Exception {
        CliRun run = paperwire("--data-dir", dir.toString(), "import", "--format", "csv", fixture("beir-corpus.jsonl"));

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("unknown format 'csv'; use one of kaggle|daily|beir");
    }

    @Test
    void benchImportReportsItsMeasuresAsJsonAndLeavesNoStoreBehind() throws Exception {
        Path files = Files.createDirectory(dir.resolve("files"));
        Files.copy(Path.of(fixture("beir-corpus.jsonl")), files.resolve("corpus.jsonl"));

        CliRun run = paperwire("bench", "import", "--json", "--files", files.toString());

        assertThat(run.status()).isZero();
        JsonNode result = run.json();
        assertThat(keys(result)).contains("papers", "seconds", "papers_per_second", "peak_rss_mb");
        assertThat(result.get("papers").asLong()).isEqualTo(3);
        assertThat(result.get("distinct_papers").asLong()).isEqualTo(3);
    }

    private static CliRun paperwire(String... args) {
        return CliRun.paperwire(args);
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
