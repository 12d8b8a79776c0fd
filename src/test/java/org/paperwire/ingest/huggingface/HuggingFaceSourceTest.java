package org.paperwire.ingest.huggingface;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.SharedData;
import org.paperwire.db.Database;
import org.paperwire.schedule.JdbcLeases;
import org.paperwire.schedule.NodeId;
import org.paperwire.ingest.HarvestService;
import org.paperwire.ingest.PaperIngestor;
import org.paperwire.ingest.JdbcSourceStatusStore;
import org.paperwire.ingest.http.FakeTime;
import org.paperwire.ingest.http.PoliteFetcher;
import org.paperwire.ingest.http.ReplayServer;
import org.paperwire.paper.DateWindow;
import org.paperwire.paper.Papers;
import org.paperwire.paper.JdbcPaperStore;
import org.paperwire.trending.Signals;
import org.paperwire.trending.JdbcSignalStore;
import org.paperwire.trending.TrendingFormula;
import org.paperwire.trending.TrendingService;

class HuggingFaceSourceTest {
    @TempDir
    Path dir;
    Database db;
    JdbcPaperStore papers;
    JdbcSignalStore signals;
    HarvestService harvests;
    ReplayServer upstream;
    final FakeTime time = new FakeTime(Instant.parse("2026-03-10T12:00:00Z"));

    @BeforeEach
    void open() {
        db = Database.open(dir);
        papers = new JdbcPaperStore(db.dataSource(), time);
        signals = new JdbcSignalStore(db.dataSource(), db.kind());
        upstream = new ReplayServer();
        PoliteFetcher fetcher = new PoliteFetcher(PoliteFetcher.defaultClient(Duration.ofSeconds(5)),
                new PoliteFetcher.Settings(Duration.ofSeconds(1), Duration.ofMinutes(1), 2, Duration.ofSeconds(5),
                        Duration.ofSeconds(1)), time, time);
        HuggingFaceSource source = new HuggingFaceSource(fetcher, upstream.url(""), new PaperIngestor(papers), signals,
                time, Period.ofDays(0));
        harvests = new HarvestService(List.of(source), new JdbcSourceStatusStore(db.dataSource()),
                new JdbcLeases(db.dataSource()), NodeId.create(), time, Duration.ofHours(6), Duration.ofMinutes(5));
    }

    @AfterEach
    void close() {
        upstream.close();
        db.close();
    }

    private static ReplayServer.Reply fixture() {
        return ReplayServer.Reply.resource("fixtures/huggingface/daily_papers_2026-03-10.json");
    }

    @Test
    void upvotesAndStarsBecomeSignalsAndUnknownPapersEnterTheStore() {
        upstream.on("/api/daily_papers", q -> "2026-03-10".equals(q.get("date")), fixture());

        HarvestService.Run run = harvests.run(HuggingFaceSource.NAME, null);

        assertThat(run.error()).isEmpty();
        assertThat(run.report().created()).isEqualTo(2);
        assertThat(run.report().failed()).as("the entry without an arXiv id").isEqualTo(1);
        assertThat(papers.find("2603.01234")).hasValueSatisfying(p -> {
            assertThat(p.title()).isEqualTo("Video Diffusion Models that Remember");
            assertThat(p.authors()).containsExactly("Ada Example", "Bo Sample");
            assertThat(p.firstSubmitted()).isEqualTo(Instant.parse("2026-03-09T17:00:00Z"));
        });
        assertThat(signals.signals("2603.01234"))
                .isEqualTo(new Signals(0, 0, 42, "https://github.com/example/remember", 1234));
        TrendingService trending = new TrendingService(signals, TrendingFormula.DEFAULT, time, Duration.ZERO);
        assertThat(trending.trending(DateWindow.WEEK, null, 0, 10).items().get(0).paper().id())
                .isEqualTo("2603.01234");
        assertThat(upstream.requests()).allSatisfy(r -> assertThat(r.userAgent()).startsWith("Paperwire/"));
    }

    @Test
    void theRecordedPaperObjectOfARealPageIsUnderstood() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Path saved = SharedData.path("fixtures/huggingface-papers/paper-page_2509.24002.PaperContent.props.json");
        ObjectNode item = json.createObjectNode();
        item.set("paper", json.readTree(saved.toFile()).get("paper"));
        byte[] body = json.writeValueAsBytes(List.of(item));
        upstream.on("/api/daily_papers", q -> true, ReplayServer.Reply.ok(body));

        harvests.run(HuggingFaceSource.NAME, LocalDate.parse("2026-03-10"));

        assertThat(signals.signals("2509.24002")).satisfies(s -> {
            assertThat(s.hfUpvotes()).isEqualTo(118);
            assertThat(s.githubRepo()).isEqualTo("https://github.com/eval-sys/mcpmark");
            assertThat(s.githubStars()).isEqualTo(182);
        });
        assertThat(papers.find("2509.24002").orElseThrow().title())
                .isEqualTo("MCPMark: A Benchmark for Stress-Testing Realistic and Comprehensive MCP Use");
    }

    @Test
    void anArxivRecordIsNotOverwrittenByTheDailyPapersCopy() {
        papers.upsertAll(List.of(Papers.paper("2603.01234", 2, "The arXiv title")));
        upstream.on("/api/daily_papers", q -> true, fixture());

        harvests.run(HuggingFaceSource.NAME, null);

        assertThat(papers.find("2603.01234").orElseThrow().title()).isEqualTo("The arXiv title");
        assertThat(signals.signals("2603.01234").hfUpvotes()).isEqualTo(42);
    }

    @Test
    void anIdWithAnAbsurdVersionIsOneFailedItemAndTheOthersAreHarvested() {
        // issue 9, finding 7: the id overflowed an int and the harvest failed on every retry
        upstream.on("/api/daily_papers", q -> "2026-03-10".equals(q.get("date")), ReplayServer.Reply.ok("""
                [{"paper": {"id": "2603.01234v99999999999", "title": "Absurd", "upvotes": 3}},
                 {"paper": {"id": "2603.04321", "title": "Bell\\u0007 title", "upvotes": 5}}]
                """.getBytes(StandardCharsets.UTF_8)));

        HarvestService.Run run = harvests.run(HuggingFaceSource.NAME, null);

        assertThat(run.error()).isEmpty();
        assertThat(run.report().failed()).isOne();
        assertThat(run.report().created()).isOne();
        assertThat(papers.find("2603.04321")).hasValueSatisfying(p -> assertThat(p.title()).isEqualTo("Bell title"));
    }

    @Test
    void malformedJsonIsAnErrorNamingTheUrlAndKeepsTheCheckpoint() {
        upstream.on("/api/daily_papers", q -> true,
                ReplayServer.Reply.ok("[{\"paper\": {".getBytes(StandardCharsets.UTF_8)));

        HarvestService.Run run = harvests.run(HuggingFaceSource.NAME, null);

        assertThat(run.error()).hasValueSatisfying(e ->
                assertThat(e).contains("/api/daily_papers?date=2026-03-10").contains("invalid JSON"));
        assertThat(run.status().checkpoint()).isNull();
        assertThat(run.status().nextAttempt()).isEqualTo(time.instant().plus(Duration.ofMinutes(5)));
    }

    @Test
    void laterRunsRevisitTheLastDaysBecauseUpvotesKeepMoving() {
        upstream.on("/api/daily_papers", q -> true, ReplayServer.Reply.ok("[]".getBytes(StandardCharsets.UTF_8)));
        harvests.run(HuggingFaceSource.NAME, null);
        time.advance(Duration.ofDays(5));
        harvests.run(HuggingFaceSource.NAME, null);

        List<String> dates = upstream.requests().stream().map(r -> r.query().get("date")).toList();
        assertThat(dates).containsExactly("2026-03-10", "2026-03-10", "2026-03-11", "2026-03-12", "2026-03-13",
                "2026-03-14", "2026-03-15");
    }
}
