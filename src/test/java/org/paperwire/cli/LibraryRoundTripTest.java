package org.paperwire.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paperwire.cli.CliRun.paperwire;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code library import} and {@code library export} on a real store: the subscriber's library, as the web shows it. */
class LibraryRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void anImportedIdListIsSavedAndExportedAgainAndAPaperNotHarvestedYetIsKept() throws Exception {
        String data = dir.resolve("data").toString();
        Path listing = dir.resolve("2025-01-03.jsonl");
        Files.writeString(listing, "{\"id\": \"2501.00001\", \"title\": \"Graph networks for molecules\","
                + " \"summary\": \"We learn molecules with graphs.\", \"authors\": [\"Ada Lovelace\"],"
                + " \"categories\": [\"cs.LG\"], \"comment\": null}\n");
        assertThat(paperwire("--data-dir", data, "import", listing.toString()).status()).isZero();
        assertThat(paperwire("--data-dir", data, "subscribers", "add", "ada@example.org", "--confirmed").status())
                .isZero();
        Path ids = Files.writeString(dir.resolve("ids.txt"),
                "# my reading list\nhttps://arxiv.org/abs/2501.00001v2\narXiv:2502.99999\n");

        CliRun imported = paperwire("--data-dir", data, "library", "import", "--reader", "ada@example.org",
                "--collection", "Molecules", "--json", ids.toString());

        assertThat(imported.status()).as(imported.err()).isZero();
        JsonNode report = imported.json();
        assertThat(report.get("read").asInt()).isEqualTo(2);
        assertThat(report.get("matched").asInt()).isEqualTo(2); // one of them kept until a harvest brings it
        assertThat(report.get("unmatched").asInt()).isZero();
        assertThat(report.get("failed").asInt()).isZero();
        CliRun exported = paperwire("--data-dir", data, "library", "export", "--reader", "ada@example.org",
                "--collection", "Molecules", "--format", "bibtex");
        assertThat(exported.status()).as(exported.err()).isZero();
        assertThat(exported.out()).contains("eprint = {2501.00001}").contains("Graph networks for molecules")
                .contains("2502.99999");
        assertThat(paperwire("--data-dir", data, "library", "export", "--reader", "ada@example.org",
                "--collection", "Nothing here").err()).contains("Nothing here");
    }
}
