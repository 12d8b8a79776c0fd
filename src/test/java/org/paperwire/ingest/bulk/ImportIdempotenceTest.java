package org.paperwire.ingest.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.SharedData;
import org.paperwire.ingest.IngestReport;

/**
 * Issue 9, finding 9: importing the same listings forwards, backwards or twice gives the same store, and a
 * second import changes nothing. Listing records of one paper (all version 0) used to overwrite each other in
 * file order: the second import of the 410 shared listings reported 1,365 papers updated.
 */
class ImportIdempotenceTest {
    @TempDir
    Path dir;

    /** Three listing days in the real format; paper 2501.00001 changes its comment and categories, 2501.00002 is
     *  listed twice in one file with different titles. */
    private List<Path> listings() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("listings"));
        return List.of(
                listing(folder, "2025-01-06", record("2501.00001", "Shared title", null, "cs.LG"),
                        record("2501.00002", "Same day, first", null, "cs.CL"),
                        record("2501.00002", "Same day, second", null, "cs.CL", "cs.AI"),
                        record("2501.00003", "Listed once", "5 pages", "stat.ML")),
                listing(folder, "2025-01-07", record("2501.00001", "Shared title", null, "cs.LG", "cs.AI")),
                listing(folder, "2025-03-02", record("2501.00001", "Shared title", "Accepted at ICLR", "cs.LG", "stat.ML"),
                        record("2501.00004", "Late", null, "cs.CV")));
    }

    private static String record(String id, String title, String comment, String... categories) {
        return "{\"id\": \"" + id + "\", \"pdf\": \"https://arxiv.org/pdf/" + id + "\", \"abs\": \"https://arxiv.org/abs/" + id
                + "\", \"authors\": [\"Ada Lovelace\", \"Alan Turing\"], \"title\": \"" + title + "\", \"categories\": [\""
                + String.join("\", \"", categories) + "\"], \"comment\": " + (comment == null ? "null" : "\"" + comment + "\"")
                + ", \"summary\": \"We study things\\nat length.\\n\"}";
    }

    private static Path listing(Path folder, String day, String... records) throws IOException {
        return Files.writeString(folder.resolve(day + ".jsonl"), String.join("\n", records) + "\n");
    }

    @Test
    void forwardsBackwardsAndTwiceGiveTheSameStoreAndTheSecondImportUpdatesNothing() throws Exception {
        assertIdempotent(listings(), 7);
    }

    @Test
    void theSharedListingsImportTheSameForwardsBackwardsAndTwice() throws Exception {
        List<Path> files;
        try (Stream<Path> listing = Files.list(SharedData.path("arxiv/daily-arxiv-ai-enhanced/data"))) {
            files = listing.sorted().toList();
        }
        assertThat(files).hasSize(410);
        assertIdempotent(files, 120_405);
    }

    private void assertIdempotent(List<Path> files, long records) throws Exception {
        List<Path> backwards = new ArrayList<>(files).reversed();
        try (BulkStore forward = new BulkStore(dir.resolve("forward"));
                BulkStore backward = new BulkStore(dir.resolve("backward"))) {
            IngestReport first = forward.load(files.toArray(Path[]::new));
            assertThat(first.read()).isEqualTo(records);
            assertThat(first.failed()).isZero();
            backward.load(backwards.toArray(Path[]::new));
            assertThat(backward.digest()).as("backwards").isEqualTo(forward.digest());

            String once = forward.digest();
            long seq = forward.papers.lastSeq();
            IngestReport second = forward.load(files.toArray(Path[]::new));

            assertThat(second.updated()).isZero();
            assertThat(second.created()).isZero();
            assertThat(forward.digest()).as("twice").isEqualTo(once);
            assertThat(forward.papers.lastSeq()).as("no change numbers: the index has nothing to redo").isEqualTo(seq);
        }
    }
}
