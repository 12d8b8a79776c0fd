package org.paperwire.ingest.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.SharedData;
import org.paperwire.ingest.IngestReport;
import org.paperwire.paper.Paper;
import org.paperwire.paper.PaperStore;

/** Imports of the real shared data sets (see their SOURCE.md for the counts checked here). */
class SharedDataImportTest {
    private static final String KAGGLE = "arxiv/kaggle-snapshot-sample/arxiv-metadata-oai-snapshot.first200.";

    @TempDir
    Path dir;

    @Test
    void allDailyListingsYieldEveryDistinctPaperOnce() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(SharedData.path("arxiv/daily-arxiv-ai-enhanced/data"))) {
            files = listing.sorted().toList();
        }
        try (BulkStore store = new BulkStore(dir)) {
            IngestReport report = store.load(files.toArray(Path[]::new));

            assertThat(files).hasSize(410);
            assertThat(report.read()).isEqualTo(120_405);
            assertThat(report.failed()).isZero();
            assertThat(store.papers.count()).isEqualTo(74_728);
            assertThat(report.created()).isEqualTo(74_728);
        }
    }

    @Test
    void theKaggleSampleImportsWithItsVersionDates() {
        try (BulkStore store = new BulkStore(dir)) {
            IngestReport report = store.load(SharedData.path(KAGGLE + "wanng-ide.json"));

            assertThat(report.created()).isEqualTo(200);
            assertThat(report.failed()).isZero();
            Paper p = store.paper("0704.0001");
            // "versions":[{"version":"v1","created":"Mon, 2 Apr 2007 19:18:42 GMT"},
            //             {"version":"v2","created":"Tue, 24 Jul 2007 20:10:27 GMT"}]
            assertThat(p.firstSubmitted()).isEqualTo(Instant.parse("2007-04-02T19:18:42Z"));
            assertThat(p.lastUpdated()).isEqualTo(Instant.parse("2007-07-24T20:10:27Z"));
            assertThat(p.version()).isEqualTo(2);
        }
    }

    @Test
    void bothKaggleSampleCopiesImportIdenticallyThoughOneEscapesItsUnicode() {
        try (BulkStore escaped = new BulkStore(dir.resolve("escaped"));
                BulkStore raw = new BulkStore(dir.resolve("raw"))) {
            escaped.load(SharedData.path(KAGGLE + "wanng-ide.json"));
            raw.load(SharedData.path(KAGGLE + "sharath-1736.json"));

            assertThat(papers(raw.papers)).hasSize(200).isEqualTo(papers(escaped.papers));
            assertThat(raw.paper("0704.0163").authors()).contains("Franz Gähler");
        }
    }

    private static List<Paper> papers(PaperStore store) {
        return store.changesSince(0, 1000).stream().map(PaperStore.Change::paper).toList();
    }
}
