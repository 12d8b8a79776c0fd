package org.paperwire.ingest.arxiv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paperwire.ingest.arxiv.ArxivHarness.param;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paperwire.SharedData;
import org.paperwire.ingest.HarvestService;
import org.paperwire.ingest.SourceStatus;
import org.paperwire.ingest.http.ReplayServer.Reply;
import org.paperwire.paper.Paper;

class ArxivApiSourceTest {
    private static final String OWN = "fixtures/arxiv-api/";
    private static final String RECORDED = "fixtures/arxiv-api/arxiv.py/";

    @RegisterExtension
    final ArxivHarness h = new ArxivHarness();

    /**
     * A response recorded by the arxiv.py project: its body holds the UTF-8 bytes as Latin-1 characters, so
     * encoding it back as Latin-1 gives exactly the bytes arXiv sent.
     */
    private static Reply recorded(String name) {
        try {
            JsonNode json = new ObjectMapper().readTree(Files.readString(SharedData.path(RECORDED + name)));
            return Reply.of(json.get("status_code").asInt(), json.get("body").asText().getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A response kept by arxiv-api-wrapper inside a JavaScript template literal. */
    private static Reply templateLiteral(String name) {
        try {
            String ts = Files.readString(SharedData.path("fixtures/arxiv-api/arxiv-api-wrapper/" + name));
            String literal = ts.substring(ts.indexOf('`') + 1, ts.lastIndexOf('`'));
            return Reply.ok(literal.replaceAll("\\\\(.)", "$1").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private HarvestService.Run harvest(HarvestService service) {
        return service.run(ArxivApiSource.NAME, null);
    }

    private void serveFirstRun() {
        h.server.on("/api/query", param("start", "0"), Reply.resource(OWN + "cat_cs.LG_s0_m3_first-run.xml"))
                .on("/api/query", param("start", "3"), Reply.resource(OWN + "cat_cs.LG_s3_m3_first-run.xml"))
                .on("/api/query", param("start", "6"), Reply.resource(OWN + "cat_cs.LG_s6_m3_first-run.xml"));
    }

    @Test
    void asksForTheNewestSubmissionsOfEachCategoryPageByPage() {
        serveFirstRun();

        HarvestService.Run run = harvest(h.service(h.api(3, 9, "cs.LG")));

        assertThat(h.server.requests()).extracting(r -> r.query()).containsExactly(
                Map.of("search_query", "cat:cs.LG", "sortBy", "submittedDate", "sortOrder", "descending",
                        "start", "0", "max_results", "3"),
                Map.of("search_query", "cat:cs.LG", "sortBy", "submittedDate", "sortOrder", "descending",
                        "start", "3", "max_results", "3"),
                Map.of("search_query", "cat:cs.LG", "sortBy", "submittedDate", "sortOrder", "descending",
                        "start", "6", "max_results", "3"));
        assertThat(run.report().created()).isEqualTo(7);
        assertThat(run.report().failed()).isEqualTo(1);
        assertThat(run.report().errors().getFirst()).contains("entry http://arxiv.org/abs/not-an-id");
        assertThat(run.status().checkpoint()).isEqualTo("{\"cs.LG\":\"2024-06-03T17:40:00Z\"}");
        assertThat(run.status().lastRun()).isEqualTo(new SourceStatus.Counts(8, 7, 0));
    }

    @Test
    void readsEveryFieldOfAnEntryWithThePrimaryCategoryFirst() {
        serveFirstRun();

        harvest(h.service(h.api(3, 9, "cs.LG")));

        assertThat(h.paper("2406.01005")).isEqualTo(new Paper("2406.01005", 2, "Accents in Author Lists",
                "An abstract for 2406.01005.", List.of("Sébastien Lafond", "Dirk Wübben"), List.of("cs.LG", "stat.ML"),
                "10 pages", "Proc. Unicode 2024", "10.1000/utf8.2024.5",
                Instant.parse("2024-06-03T17:40:00Z"), Instant.parse("2024-06-04T08:00:00Z"), null));
    }

    @Test
    void stopsAtEntriesOlderThanTheCheckpointAndMovesItToTheNewestSeen() {
        serveFirstRun();
        HarvestService service = h.service(h.api(3, 9, "cs.LG"));
        harvest(service);
        h.server.reset()
                .on("/api/query", param("start", "0"), Reply.resource(OWN + "cat_cs.LG_s0_m3_next-day.xml"))
                .on("/api/query", param("start", "3"), Reply.resource(OWN + "cat_cs.LG_s3_m3_next-day.xml"));

        HarvestService.Run nextDay = harvest(service);

        assertThat(h.server.requests()).hasSize(3 + 2);
        assertThat(nextDay.report().created()).isEqualTo(2);
        assertThat(nextDay.report().unchanged()).as("the checkpoint's own entry, published at that instant").isEqualTo(1);
        assertThat(nextDay.report().read()).isEqualTo(3);
        assertThat(nextDay.status().checkpoint()).isEqualTo("{\"cs.LG\":\"2024-06-04T16:00:00Z\"}");
    }

    @Test
    void pagesThroughRecordedResponsesUntilMaxResultsAndDecodesUtf8Names() {
        h.server.on("/api/query", param("start", "0"), recorded("q_testing_s0_m10_bc5a6c384fe9.json"))
                .on("/api/query", param("start", "10"), recorded("q_testing_s10_m10_34e56e15aaac.json"))
                .on("/api/query", param("start", "20"), recorded("q_testing_s20_m10_348a237fecab.json"));

        HarvestService.Run run = harvest(h.service(h.api(10, 30, "cs.SE")));

        assertThat(h.server.requests()).hasSize(3);
        assertThat(run.report().created()).isEqualTo(30);
        assertThat(run.status().checkpoint()).isEqualTo("{\"cs.SE\":\"2026-02-17T12:57:17Z\"}");
        assertThat(h.paper("2405.13786").authors()).contains("Aurora Ramírez", "José Raúl Romero");
        assertThat(h.paper("2104.11069").authors()).containsExactly("Ivan Porres", "Hergys Rexha", "Sébastien Lafond");
        Paper dl = h.paper("2202.12139");
        assertThat(dl.categories()).containsExactly("cs.SE", "cs.LG");
        assertThat(dl.doi()).isEqualTo("10.1109/ICSTW55395.2022.00035");
        assertThat(dl.journalRef()).startsWith("Artificial Intelligence in Software Testing @ 2022 IEEE");
    }

    @Test
    void storesEntriesThatSlidOntoTheNextPageOnce() {
        // new submissions between two requests shift the list: the second page starts 10 entries too early
        h.server.on("/api/query", param("start", "0"), recorded("q_testing_s0_m15_80c242b59d59.json"))
                .on("/api/query", param("start", "15"), recorded("q_testing_s5_m15_bbcf6b23085b.json"));

        HarvestService.Run run = harvest(h.service(h.api(15, 30, "cs.SE")));

        assertThat(run.report().read()).isEqualTo(20);
        assertThat(run.report().created()).isEqualTo(20);
        assertThat(h.papers.count()).isEqualTo(20);
    }

    @Test
    void reportsTheApisOwnErrorTextFromA400() {
        h.server.on("/api/query", q -> true, recorded("id_abc_s0_m100_b79c8dcf6bc3.json"));

        HarvestService.Run run = harvest(h.service(h.api(10, 30, "cs.LG")));

        String url = h.server.url("/api/query")
                + "?search_query=cat:cs.LG&sortBy=submittedDate&sortOrder=descending&start=0&max_results=10";
        String message = "GET " + url + ": HTTP 400 Bad Request: incorrect id format for abc";
        assertThat(run.error()).contains(message);
        assertThat(run.status().lastError()).isEqualTo(message);
        assertThat(run.status().consecutiveFailures()).isEqualTo(1);
        assertThat(run.status().nextAttempt()).isEqualTo(h.time.instant().plus(ArxivHarness.RETRY_DELAY));
        assertThat(h.server.requests()).hasSize(1);
    }

    @Test
    void readsTheOlderFeedLayout() {
        h.server.on("/api/query", q -> true, templateLiteral("search_agdur.xml.ts"));

        HarvestService.Run run = harvest(h.service(h.api(10, 30, "math.CO")));

        assertThat(run.report().created()).isEqualTo(4);
        assertThat(h.server.requests()).as("4 entries of 10 asked for: the last page").hasSize(1);
        Paper temporal = h.paper("2507.17541");
        assertThat(temporal.title()).isEqualTo("Approximating temporal modularity on graphs of small underlying treewidth");
        assertThat(temporal.categories()).containsExactly("math.CO", "cs.DM");
        assertThat(temporal.authors()).hasSize(6).startsWith("Vilhelm Agdur");
        assertThat(temporal.abstractText()).startsWith("Modularity is a very widely used measure of the level of");
        assertThat(temporal.firstSubmitted()).isEqualTo(Instant.parse("2025-07-23T14:19:44Z"));
    }

    @Test
    void anEmptyFeedIsASuccessThatKeepsTheCheckpoint() {
        h.server.on("/api/query", q -> true, recorded("id_0000.0000_s0_m100_8b51d9633a68.json"));

        HarvestService.Run run = harvest(h.service(h.api(10, 30, "cs.LG")));

        assertThat(run.error()).isEmpty();
        assertThat(run.report().read()).isZero();
        assertThat(run.status().checkpoint()).isNull();
        assertThat(run.status().lastSuccess()).isEqualTo(h.time.instant());
    }

    /** A one-page feed of {@code entries} ({@code id published} pairs, newest first) in {@code category}. */
    private static Reply feed(String category, String... entries) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <title type="html">ArXiv Query: search_query=cat:%s</title>
                  <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">%d</opensearch:totalResults>
                """.formatted(category, entries.length));
        for (String entry : entries) {
            String[] idAndPublished = entry.split(" ");
            xml.append("""
                      <entry>
                        <id>http://arxiv.org/abs/%1$sv1</id>
                        <updated>%2$s</updated>
                        <published>%2$s</published>
                        <title>Paper %1$s</title>
                        <summary>An abstract for %1$s.</summary>
                        <author><name>Ada Lovelace</name></author>
                        <arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="%3$s" scheme="http://arxiv.org/schemas/atom"/>
                        <category term="%3$s" scheme="http://arxiv.org/schemas/atom"/>
                      </entry>
                    """.formatted(idAndPublished[0], idAndPublished[1], category));
        }
        return Reply.ok(xml.append("</feed>\n").toString().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void eachCategoryResumesFromItsOwnCheckpointSoABusyOneNeverHidesAQuietOnesEntries() {
        // issue 9, finding 10: one checkpoint for all categories (the newest of any) skipped cs.AI's 2406.02002,
        // published after cs.AI's newest but before cs.LG's, for good
        h.server.on("/api/query", param("search_query", "cat:cs.LG"), feed("cs.LG", "2406.01010 2024-06-04T16:00:00Z"))
                .on("/api/query", param("search_query", "cat:cs.AI"), feed("cs.AI", "2406.02001 2024-06-03T09:00:00Z"));
        HarvestService service = h.service(h.api(10, 10, "cs.LG", "cs.AI"));
        HarvestService.Run first = harvest(service);
        assertThat(first.status().checkpoint())
                .isEqualTo("{\"cs.LG\":\"2024-06-04T16:00:00Z\",\"cs.AI\":\"2024-06-03T09:00:00Z\"}");

        h.server.reset()
                .on("/api/query", param("search_query", "cat:cs.LG"), feed("cs.LG", "2406.01010 2024-06-04T16:00:00Z"))
                .on("/api/query", param("search_query", "cat:cs.AI"),
                        feed("cs.AI", "2406.02002 2024-06-03T12:00:00Z", "2406.02001 2024-06-03T09:00:00Z"));
        HarvestService.Run second = harvest(service);

        assertThat(second.report().created()).isOne();
        h.paper("2406.02002");
        assertThat(second.status().checkpoint())
                .isEqualTo("{\"cs.LG\":\"2024-06-04T16:00:00Z\",\"cs.AI\":\"2024-06-03T12:00:00Z\"}");
    }

    @Test
    void aSingleInstantCheckpointOfEarlierVersionsIsEveryCategorysStartingPoint() {
        h.statuses.saveRun(new SourceStatus(ArxivApiSource.NAME, "2024-06-03T10:00:00Z", null, null, null, null, null, 0,
                SourceStatus.Counts.ZERO, SourceStatus.Counts.ZERO));
        h.server.on("/api/query", param("search_query", "cat:cs.LG"),
                        feed("cs.LG", "2406.01010 2024-06-04T16:00:00Z", "2406.01009 2024-06-02T16:00:00Z"))
                .on("/api/query", param("search_query", "cat:cs.AI"), feed("cs.AI", "2406.02001 2024-06-03T09:00:00Z"));

        HarvestService.Run run = harvest(h.service(h.api(10, 10, "cs.LG", "cs.AI")));

        assertThat(run.report().created()).as("only 2406.01010 is newer than the old checkpoint").isOne();
        assertThat(run.status().checkpoint())
                .isEqualTo("{\"cs.LG\":\"2024-06-04T16:00:00Z\",\"cs.AI\":\"2024-06-03T10:00:00Z\"}");
    }

    @Test
    void anUnreadableCheckpointFailsNamingItUntilAHarvestFromADayReplacesIt() {
        h.statuses.saveRun(new SourceStatus(ArxivApiSource.NAME, "{\"cs.LG\": \"yesterday\"}", null, null, null, null, null,
                0, SourceStatus.Counts.ZERO, SourceStatus.Counts.ZERO));
        h.server.on("/api/query", param("search_query", "cat:cs.LG"), feed("cs.LG", "2406.01010 2024-06-04T16:00:00Z"));
        HarvestService service = h.service(h.api(10, 10, "cs.LG"));

        assertThat(harvest(service).error()).hasValueSatisfying(e -> assertThat(e)
                .contains("checkpoint '{\"cs.LG\": \"yesterday\"}'").contains("--from DATE"));
        HarvestService.Run fromDay = service.run(ArxivApiSource.NAME, LocalDate.parse("2024-06-01"));
        assertThat(fromDay.error()).isEmpty();
        assertThat(fromDay.status().checkpoint()).isEqualTo("{\"cs.LG\":\"2024-06-04T16:00:00Z\"}");
    }
}
