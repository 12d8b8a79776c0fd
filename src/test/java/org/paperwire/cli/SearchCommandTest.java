package org.paperwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12, point 7: {@code search --json} speaks the API's JSON (mode ids, snake_case, ISO dates). */
class SearchCommandTest {
    @TempDir
    Path dir;

    @Test
    void searchJsonSpellsTheModeAsTheApiDoes() throws Exception {
        CliRun.importListing(dir, "2025-03-18");

        CliRun run = CliRun.paperwire("--data-dir", dir.toString(), "search", "--json", "--mode", "keyword",
                "language", "model");

        assertThat(run.status()).isZero();
        JsonNode result = run.json();
        assertThat(result.get("mode").asText()).isEqualTo("keyword");
        assertThat(result.get("hits").get(0).get("date").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
    }
}
