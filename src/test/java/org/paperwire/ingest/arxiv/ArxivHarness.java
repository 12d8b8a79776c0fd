package org.paperwire.ingest.arxiv;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.paperwire.TempFolders;
import org.paperwire.db.Database;
import org.paperwire.schedule.JdbcLeases;
import org.paperwire.schedule.NodeId;
import org.paperwire.ingest.HarvestService;
import org.paperwire.ingest.HarvestSource;
import org.paperwire.ingest.PaperIngestor;
import org.paperwire.ingest.JdbcSourceStatusStore;
import org.paperwire.ingest.http.FakeTime;
import org.paperwire.ingest.http.PoliteFetcher;
import org.paperwire.ingest.http.ReplayServer;
import org.paperwire.paper.Paper;
import org.paperwire.paper.JdbcPaperStore;

/**
 * A harvest set up as the app does it, on a real store in a temporary folder, against a local replay
 * server, with a fake clock: arXiv's 3-second pace is kept, and every wait is recorded instead of slept.
 * Register it as a {@code @RegisterExtension} field: a test gets a fresh one, closed after the test.
 */
final class ArxivHarness implements AutoCloseable, AfterEachCallback {
    static final Instant NOW = Instant.parse("2019-10-09T12:00:00Z");
    static final Duration INTERVAL = Duration.ofHours(6);
    static final Duration RETRY_DELAY = Duration.ofMinutes(5);

    private final Path dir = TempFolders.create();
    final FakeTime time = new FakeTime(NOW);
    final ReplayServer server = new ReplayServer();
    final Database database;
    final JdbcPaperStore papers;
    final JdbcSourceStatusStore statuses;
    final PaperIngestor ingestor;
    final PoliteFetcher fetcher;

    ArxivHarness() {
        database = Database.open(dir);
        papers = new JdbcPaperStore(database.dataSource(), time);
        statuses = new JdbcSourceStatusStore(database.dataSource());
        ingestor = new PaperIngestor(papers);
        fetcher = new PoliteFetcher(PoliteFetcher.defaultClient(Duration.ofSeconds(10)),
                new PoliteFetcher.Settings(Duration.ofSeconds(3), Duration.ofMinutes(10), 4, Duration.ofSeconds(10),
                        Duration.ofSeconds(5)),
                time, time);
    }

    OaiPmhSource oai(String metadataPrefix, String... categories) {
        return new OaiPmhSource(fetcher, new OaiPmhSource.Settings(server.url("/oai"), metadataPrefix,
                List.of(categories), Period.ofDays(7)), ingestor, time);
    }

    ArxivApiSource api(int pageSize, int maxResults, String... categories) {
        return new ArxivApiSource(fetcher, new ArxivApiSource.Settings(server.url("/api/query"), List.of(categories),
                pageSize, maxResults), ingestor);
    }

    HarvestService service(HarvestSource source) {
        return new HarvestService(List.of(source), statuses, new JdbcLeases(database.dataSource()), NodeId.create(), time,
                INTERVAL, RETRY_DELAY);
    }

    Paper paper(String id) {
        return papers.find(id).orElseThrow(() -> new AssertionError("paper " + id + " was not stored"));
    }

    static Predicate<Map<String, String>> param(String name, String value) {
        return query -> value.equals(query.get(name));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        server.close();
        database.close();
        TempFolders.delete(dir);
    }
}
