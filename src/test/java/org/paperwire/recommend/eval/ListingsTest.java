package org.paperwire.recommend.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The listings as the recommendation task reads them: first listing day, and text without author names. */
class ListingsTest {
    @TempDir
    Path dir;

    private void write(String day, String... lines) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve(day + ".jsonl.gz")))) {
            out.write(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aPaperBelongsToTheFirstDayItIsListedOnAndItsTextHasNoAuthors() throws IOException {
        write("2025-09-01", "{\"id\": \"2509.00001\", \"authors\": \"['Ada Lovelace', 'Alan Turing']\","
                + " \"title\": \"Analytical  engines\", \"summary\": \"We compute\\n Bernoulli numbers.\"}");
        write("2025-09-02", "{\"id\": \"2509.00001\", \"authors\": \"['Ada Lovelace']\", \"title\": \"Analytical engines\","
                + " \"summary\": \"We compute.\"}", "{\"id\": \"2509.00002\", \"authors\": \"['Grace Hopper']\","
                + " \"title\": \"Compilers\", \"summary\": \"A-0.\"}");

        Listings listings = Listings.load(dir);

        assertThat(listings.firstListedOn(LocalDate.parse("2025-09-01"))).containsExactly("2509.00001");
        assertThat(listings.firstListedOn(LocalDate.parse("2025-09-02"))).containsExactly("2509.00002");
        Listings.Listed paper = listings.paper("2509.00001").orElseThrow();
        assertThat(paper.firstListed()).isEqualTo(LocalDate.parse("2025-09-01"));
        assertThat(paper.text()).isEqualTo("Analytical engines We compute Bernoulli numbers.")
                .doesNotContain("Lovelace").doesNotContain("Turing");
        assertThat(listings.paper("2509.00002").orElseThrow().text()).doesNotContain("Hopper");
    }

    @Test
    void aFolderWithoutListingFilesOrABrokenLineIsNamedInTheError() throws IOException {
        assertThatThrownBy(() -> Listings.load(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no daily listing files");
        write("2025-09-01", "{\"id\": \"2509.00001\", \"title\": \"t\", \"summary\": \"s\"}", "not json");
        assertThatThrownBy(() -> Listings.load(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2025-09-01.jsonl.gz:2");
    }
}
