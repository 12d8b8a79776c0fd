package org.paperwire.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.SharedData;
import org.paperwire.app.Paperwire;
import org.paperwire.config.ConfigKey;
import org.paperwire.ingest.bulk.ImportOptions;
import org.paperwire.ingest.bulk.ImportProgress;
import org.paperwire.paper.Paper;

/**
 * The whole web app on the real server (port 0) over a store loaded from a week of the shared arXiv
 * listings, plus one paper whose title tries to inject a script.
 */
class WebAppIntegrationTest {
    static final String EVIL_ID = "2606.99999";
    static final String EVIL_TITLE = "<script>alert('pwned')</script> & friends";

    @TempDir
    static Path dir;
    static TestServer server;
    static Paperwire app;
    static int port;
    static final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @BeforeAll
    static void start() throws Exception {
        Path listings = SharedData.path("arxiv/daily-arxiv-ai-enhanced/data");
        List<Path> week;
        try (Stream<Path> files = Files.list(listings)) {
            week = files.filter(f -> f.getFileName().toString().compareTo("2026-06-24") >= 0
                    && f.getFileName().toString().compareTo("2026-06-30") <= 0).sorted().toList();
        }
        server = TestServer.start(TestServer.settings(dir).with(ConfigKey.PUBLIC_URL, "http://papers.example.org"),
                Clock.fixed(Instant.parse("2026-06-30T18:00:00Z"), ZoneOffset.UTC), app -> {
                    app.bulkImporter().importFiles(week, ImportOptions.detect(), ImportProgress.NONE);
                    app.papers().upsertAll(List.of(new Paper(EVIL_ID, 1, EVIL_TITLE,
                            "An abstract with <b>markup</b> and $x<y$.", List.of("Mallory <img src=x onerror=alert(1)>"),
                            List.of("cs.CL"), null, null, null, null, null, LocalDate.parse("2026-06-30"))));
                });
        app = server.app();
        port = server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String form, String header, String value) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (header != null) {
            b.header(header, value);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return Json.mapper().readTree(r.body());
    }

    @Test
    void theHomePageListsTrendingPapersWithSecurityHeaders() throws Exception {
        HttpResponse<String> home = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Trending papers").contains("class=\"paper-row\"");
        assertThat(home.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("frame-ancestors 'none'").contains("script-src 'self'"));
        assertThat(home.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(home.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(home.headers().allValues("Set-Cookie")).anySatisfy(c ->
                assertThat(c).startsWith("pw_visitor=").containsIgnoringCase("HttpOnly"));
    }

    @Test
    void everyPageAnswers() throws Exception {
        for (String path : List.of("/?window=week&cat=cs.CL", "/?window=month&page=2", "/new", "/about", "/sources",
                "/search?q=diffusion+models+for+video&mode=keyword", "/papers/" + EVIL_ID)) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void harvestedStringsAreEscapedEverywhere() throws Exception {
        for (String path : List.of("/papers/" + EVIL_ID, "/new", "/?window=today")) {
            String body = get(path).body();
            assertThat(body).as(path).doesNotContain("<script>alert").doesNotContain("<img src=x");
        }
        String page = get("/papers/" + EVIL_ID).body();
        assertThat(page).contains("&lt;script&gt;alert(").contains("&lt;b&gt;markup&lt;/b&gt;");
        String feed = get("/feeds/trending.atom").body();
        assertThat(feed).doesNotContain("<script>");
    }

    @Test
    void anUnknownWindowGets400NamingTheParameterAndTheValue() throws Exception {
        HttpResponse<String> window = get("/api/v1/trending?window=year");
        assertThat(window.statusCode()).isEqualTo(400);
        assertThat(json(window).get("detail").asText()).contains("window").contains("year");
    }

    @Test
    void aNegativePageGets400() throws Exception {
        assertThat(get("/api/v1/trending?page=-1").statusCode()).isEqualTo(400);
    }

    @Test
    void anEmptyQueryGets400SayingSo() throws Exception {
        HttpResponse<String> empty = get("/api/v1/search?q=");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(json(empty).get("detail").asText()).contains("empty query");
    }

    @Test
    void aUrlLongerThanTheServerTakesGets414BeforeAnyRoute() throws Exception {
        HttpResponse<String> tooLong = get("/api/v1/search?q=" + "a".repeat(10_001));
        assertThat(tooLong.statusCode()).isEqualTo(414); // the 4XX that openapi.json documents as Rejected
        assertThat(tooLong.body()).doesNotContain("Exception");
    }

    @Test
    void aMalformedPaperIdGets404AsAnApiError() throws Exception {
        HttpResponse<String> bad = get("/api/v1/papers/not-an-id");
        assertThat(bad.statusCode()).isEqualTo(404);
        assertThat(json(bad).fieldNames()).toIterable().containsExactly("status", "title", "detail");
    }

    @Test
    void aPathThatClimbsOutOfItsFolderGets400WithoutATrace() throws Exception {
        HttpResponse<String> page = get("/papers/%2e%2e/%2e%2e/etc/passwd");
        assertThat(page.statusCode()).isEqualTo(400); // refused by the HTTP layer as an ambiguous path
        assertThat(page.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void aVoteWithAForgedCsrfTokenGets403() throws Exception {
        get("/papers/" + EVIL_ID); // the visitor cookie
        assertThat(post("/api/v1/papers/" + EVIL_ID + "/vote", "", "X-CSRF-Token", "forged").statusCode())
                .isEqualTo(403);
    }

    @Test
    void votingNeedsTheCookieAndCsrfTokenAndCountsOncePerVisitor() throws Exception {
        String page = get("/papers/" + EVIL_ID).body();
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        String csrf = m.group(1);

        HttpResponse<String> voted = post("/api/v1/papers/" + EVIL_ID + "/vote", "", "X-CSRF-Token", csrf);
        assertThat(voted.statusCode()).isEqualTo(200);
        assertThat(json(voted).get("votes").asLong()).isEqualTo(1);
        assertThat(json(post("/api/v1/papers/" + EVIL_ID + "/vote", "", "X-CSRF-Token", csrf)).get("votes").asLong())
                .isEqualTo(1);
        assertThat(json(get("/api/v1/trending?cat=cs.CL")).get("items").get(0).get("id").asText()).isEqualTo(EVIL_ID);

        HttpResponse<String> unvote = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/papers/" + EVIL_ID + "/vote"))
                .DELETE().header("X-CSRF-Token", csrf).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(json(unvote).get("votes").asLong()).isZero();

        HttpResponse<String> form = post("/papers/" + EVIL_ID + "/vote", "csrf=" + csrf + "&action=vote", null, null);
        assertThat(form.statusCode()).isEqualTo(303);
        assertThat(json(get("/api/v1/papers/" + EVIL_ID)).get("signals").get("votes").asLong()).isEqualTo(1);
    }

    @Test
    void theTrendingApiAnswersAFullPageForTheWeek() throws Exception {
        JsonNode trending = json(get("/api/v1/trending?window=week"));
        assertThat(trending.get("items").size()).isEqualTo(30);
        assertThat(trending.get("reference_day").asText()).isEqualTo("2026-06-30");
    }

    @Test
    void thePaperApiLinksToArxiv() throws Exception {
        JsonNode paper = json(get("/api/v1/papers/" + EVIL_ID));
        assertThat(paper.get("links").get("abs").asText()).isEqualTo("https://arxiv.org/abs/" + EVIL_ID);
    }

    @Test
    void theSearchApiAnswersAsManyHitsAsAsked() throws Exception {
        JsonNode search = json(get("/api/v1/search?q=video+diffusion&mode=keyword&limit=5"));
        assertThat(search.get("hits").size()).isEqualTo(5);
    }

    @Test
    void theSourcesApiListsEverySource() throws Exception {
        assertThat(json(get("/api/v1/sources")).get("sources").size()).isEqualTo(3);
    }

    @Test
    void theApiDocumentIsServed() throws Exception {
        JsonNode openapi = json(get("/api/openapi.json"));
        assertThat(openapi.get("paths").fieldNames()).toIterable()
                .contains("/api/v1/trending", "/api/v1/search", "/api/v1/papers/{id}", "/api/v1/papers/{id}/vote");
    }

    @Test
    void feedsAreValidAtomWithLinksFromThePublicUrl() throws Exception {
        for (String path : List.of("/feeds/trending.atom?window=week&cat=cs.CV", "/feeds/search.atom?q=video&mode=keyword")) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                    assertThat(t).startsWith("application/atom+xml"));
            AtomAssertions.assertValidAtom(r.body());
            assertThat(r.body()).contains("http://papers.example.org/papers/");
        }
    }

    @Test
    void metricsArePrometheusText() throws Exception {
        get("/");
        String metrics = get("/metrics").body();
        assertThat(metrics).contains("paperwire_papers ").contains("paperwire_embedding_backlog")
                .contains("paperwire_http_requests_seconds_count").contains("paperwire_index_bytes");
        // issue 11: each node says which store it uses, as whom, how far its index is behind, and what it leases
        assertThat(metrics).contains("paperwire_store_info{kind=\"sqlite\",node=\"" + app.node().value() + "\"} 1")
                .contains("paperwire_index_lag_changes ").contains("paperwire_leases_held ");
    }

    @Test
    void anIdWithAnAbsurdVersionIsA404AndControlCharactersNeverBreakAFeed() throws Exception {
        // issue 9, finding 7: both gave a 500
        for (String path : List.of("/papers/2406.01234v99999999999", "/api/v1/papers/2406.01234v99999999999")) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.body()).as(path).contains("2406.01234v99999999999").doesNotContain("Exception");
        }
        // a title stored before ingest cleaned control characters (upsertAll bypasses the ingestor), old enough to
        // stay out of every trending window the other tests look at
        app.papers().upsertAll(List.of(new Paper("1901.99999", 1, "Zyzzogeton\u0007 larvae\u0000", "Bell\u0007.",
                List.of("Ann\u0001 Other"), List.of("q-bio.PE"), null, null, null, null, null, LocalDate.parse("2019-01-01"))));
        app.search().follower().catchUp();
        HttpResponse<String> feed = get("/feeds/search.atom?q=zyzzogeton%01&mode=keyword");
        assertThat(feed.statusCode()).isEqualTo(200);
        AtomAssertions.assertValidAtom(feed.body());
        assertThat(feed.body()).contains("Zyzzogeton larvae");
    }
}
