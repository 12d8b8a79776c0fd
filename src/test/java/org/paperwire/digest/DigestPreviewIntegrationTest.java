package org.paperwire.digest;

import static java.util.stream.Collectors.joining;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.app.Paperwire;
import org.paperwire.app.WebApp;
import org.paperwire.config.ConfigKey;
import org.paperwire.config.ConfigSources;
import org.paperwire.config.PaperwireConfig;
import org.paperwire.config.TestConfigs;
import org.paperwire.paper.Paper;
import org.paperwire.search.embed.CountingEmbedder;
import org.paperwire.subscription.Subscriber;
import org.paperwire.subscription.Topic;
import org.paperwire.web.WebServer;

/**
 * Issue 9, finding 5: {@code /digest/preview} is built once and reused until the subscriber's settings or the
 * index change, and it is rate-limited per client. The embedder search uses is the real model, counted on its way
 * in by a {@link CountingEmbedder}: a rebuilt preview asks it for its saved searches' vectors, a cached one does not.
 */
class DigestPreviewIntegrationTest {
    static final String PUBLIC = "https://papers.example.org";

    @TempDir
    Path dir;
    MutableClock clock = new MutableClock(Instant.parse("2026-06-30T10:00:00Z"));
    Paperwire app;
    WebServer web;
    int port;
    CountingEmbedder embedder;
    final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        PaperwireConfig config = TestConfigs.from(ConfigSources.defaults()
                .with(ConfigKey.DATA_DIR, dir.toString())
                .with(ConfigKey.PUBLIC_URL, PUBLIC)
                .with(ConfigKey.WEB_PREVIEWS_PER_MINUTE, "5"));
        app = new Paperwire(config, clock, model -> embedder = new CountingEmbedder(model));
        List<Paper> papers = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            papers.add(paper("2606.0000" + i, "Speech recognition with transformers, part " + i));
        }
        app.papers().upsertAll(papers);
        app.search().follower().catchUp();
        web = WebApp.create(app);
        port = web.start(0);
    }

    static Paper paper(String id, String title) {
        return new Paper(id, 1, title, "We transcribe speech with attention. ".repeat(10), List.of("Ada Lovelace"),
                List.of("cs.CL"), null, null, null, Instant.parse("2026-06-29T10:00:00Z"),
                Instant.parse("2026-06-29T10:00:00Z"), LocalDate.parse("2026-06-30"));
    }

    @AfterEach
    void stop() {
        web.close();
        app.close();
    }

    HttpResponse<String> preview(String token) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/digest/preview?t=" + token))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    String manageToken(Subscriber s) {
        String link = app.links().manage(s);
        return link.substring(link.indexOf("t=") + 2);
    }

    @Test
    void twoPreviewsWithNothingChangedBuildOnceAndASettingsOrIndexChangeRebuilds() throws Exception {
        app.subscriptions().add("ada@example.org", List.of(Topic.of(Topic.Kind.SEARCH, "speech recognition")), true);
        Subscriber ada = app.subscribers().findByEmail("ada@example.org").orElseThrow();
        String token = manageToken(ada);

        HttpResponse<String> first = preview(token);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("Paperwire digest for");
        int built = embedder.queries.get();
        assertThat(built).as("the saved search is embedded").isPositive();
        HttpResponse<String> second = preview(token);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(embedder.queries).as("nothing changed: the same preview, no model run").hasValue(built);

        app.subscriptions().update(token, ada.preferences(), List.of(Topic.of(Topic.Kind.SEARCH, "speech recognition"),
                Topic.of(Topic.Kind.SEARCH, "attention")));
        assertThat(preview(token).statusCode()).isEqualTo(200);
        int afterSettings = embedder.queries.get();
        assertThat(afterSettings).as("new settings: rebuilt").isGreaterThan(built);

        app.papers().upsertAll(List.of(paper("2606.00005", "Speech recognition for whales")));
        app.search().follower().catchUp();
        assertThat(preview(token).statusCode()).isEqualTo(200);
        assertThat(embedder.queries.get()).as("the index changed: rebuilt").isGreaterThan(afterSettings);

        clock.advance(DigestPreviews.MAX_AGE.plusSeconds(1)); // trending and the digest period move with time
        int beforeExpiry = embedder.queries.get();
        assertThat(preview(token).statusCode()).isEqualTo(200);
        assertThat(embedder.queries.get()).isGreaterThan(beforeExpiry);
    }

    @Test
    void previewsAreRateLimitedPerClient() throws Exception {
        app.subscriptions().add("ada@example.org", List.of(), true);
        String token = manageToken(app.subscribers().findByEmail("ada@example.org").orElseThrow());
        for (int i = 0; i < 5; i++) {
            assertThat(preview(token).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> limited = preview(token);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(preview("forged").statusCode()).as("bad links count too").isEqualTo(429);
    }
    HttpResponse<String> post(String path, String type, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", type).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** What a preview (and each digest) costs is bounded by the topic limit, which every way in enforces. */
    @Test
    void aSubscriptionFollowsAtMostTwentyTopicsAndTheManagePageSaysSo() throws Exception {
        String searches = IntStream.range(0, 11).mapToObj(i -> "\"search " + i + "\"").collect(joining(", "));
        String authors = IntStream.range(0, 11).mapToObj(i -> "\"Author " + i + "\"").collect(joining(", "));
        HttpResponse<String> tooMany = post("/api/v1/subscriptions", "application/json",
                "{\"email\": \"ada@example.org\", \"searches\": [" + searches + "], \"authors\": [" + authors + "]}");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("at most 20 topics").contains("not 22");

        app.subscriptions().add("ada@example.org", List.of(), true);
        String token = manageToken(app.subscribers().findByEmail("ada@example.org").orElseThrow());
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/subscription/manage?t=" + token)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("You can follow up to 20 topics (now 1)");
        StringBuilder form = new StringBuilder("t=" + token + "&frequency=daily&weekday=1&hour=7&zone=UTC&max=20");
        for (int i = 0; i < 21; i++) {
            form.append("&kind=search&value=topic+").append(i).append("&cap=5");
        }
        HttpResponse<String> saved = post("/subscription/manage", "application/x-www-form-urlencoded", form.toString());
        assertThat(saved.statusCode()).isEqualTo(400);
        assertThat(saved.body()).contains("at most 20 topics").contains("not 21");
        assertThat(app.subscribers().findByEmail("ada@example.org").orElseThrow().topics()).hasSize(1);
    }
}
