package org.paperwire.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.config.ConfigKey;
import org.paperwire.digest.MutableClock;
import org.paperwire.reader.Browser;
import org.paperwire.reader.Readers;
import org.paperwire.search.WordHashEmbedder;
import org.paperwire.web.TestServer;

/**
 * Issue 10, point 7 (but the digest) through the real server, with the word-hash stand-in model: {@code /for-you}
 * per collection and window, rating a recommendation changes the page on reload, {@code GET
 * /api/v1/recommendations} and its JSON, and the private feed's signed URL.
 */
class ForYouIntegrationTest {
    static final Pattern FEED = Pattern.compile(Pattern.quote(Readers.PUBLIC) + "(/feeds/for-you/([0-9]+)\\.atom\\?t=([^\"]+))\"");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    GreenMail smtp;
    TestServer server;
    MutableClock clock = new MutableClock(Instant.parse("2026-06-30T10:00:00Z"));
    Readers readers;
    Browser alice;
    long aliceId;

    @BeforeEach
    void start() throws Exception {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        server = TestServer.start(TestServer.mailingTo(TestServer.settings(dir)
                .with(ConfigKey.PUBLIC_URL, Readers.PUBLIC), smtp.getSmtp().getPort()), clock,
                model -> new WordHashEmbedder(), app -> app.papers().upsertAll(RecsCorpus.papers()));
        readers = new Readers(server, smtp);
        alice = readers.signIn(new Browser(server), "alice@example.org");
        aliceId = server.app().subscribers().findByEmail("alice@example.org").orElseThrow().id();
    }

    @AfterEach
    void stop() {
        server.close();
        smtp.stop();
    }

    void saveLibrary() throws Exception {
        for (String id : RecsCorpus.LIBRARY) {
            alice.get("/papers/" + id);
            HttpResponse<String> saved = alice.post("/library/save", "paper", id, "csrf", alice.csrf("/library/save"));
            assertThat(saved.statusCode()).isEqualTo(303);
        }
    }

    List<String> ids(JsonNode items) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.get("id").asText()));
        return out;
    }

    /** Paper ids of the recommendation cards, in order. */
    static List<String> cards(String page) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<li class=\"paper-row recommendation\">\\s*<span class=\"rank\"[^>]*>[^<]*</span>"
                + "\\s*<div class=\"paper-main\">\\s*<a class=\"paper-title\" href=\"/papers/([0-9.]+)\"").matcher(page);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** The private feed URL on {@code reader}'s /for-you page: groups 1 path, 2 collection, 3 token. */
    static Matcher feedUrl(Browser reader) throws Exception {
        Matcher m = FEED.matcher(reader.get("/for-you").body());
        assertThat(m.find()).as("a feed URL on /for-you").isTrue();
        return m;
    }

    @Test
    void signedOutTheyAreAskedToSignInAndTheApiSays401() throws Exception {
        Browser visitor = new Browser(server);
        HttpResponse<String> page = visitor.get("/for-you");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Sign in to see new papers picked for you").contains("href=\"/sign-in\"")
                .doesNotContain("href=\"/for-you\"");
        String csrf = visitor.csrf();
        assertThat(visitor.post("/sign-in", "csrf", csrf, "email", "alice@example.org").statusCode())
                .as("the header's sign-in form works from this page").isLessThan(400);
        HttpResponse<String> api = visitor.get("/api/v1/recommendations");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.body()).contains("sign in");
    }

    @Test
    void aGraphReaderSeesGraphPapersFirstAndRatingOneChangesThePageOnReload() throws Exception {
        assertThat(alice.get("/for-you").body()).as("nothing saved yet").contains("has no papers yet")
                .contains("href=\"/for-you\"");
        saveLibrary();
        String page = alice.get("/for-you?window=week").body();
        List<String> before = cards(page);
        assertThat(before).hasSize(8);
        assertThat(before.subList(0, 4)).containsExactlyInAnyOrderElementsOf(RecsCorpus.GRAPH_THIS_WEEK);
        assertThat(page).contains("Because you saved").contains("action=\"/library/rate\"")
                .contains("name=\"collection\" value=\"" + server.app().library().defaultCollection(aliceId).id() + "\"")
                .contains("More like this").contains("Not for me").contains("action=\"/library/save\"");
        assertThat(cards(alice.get("/for-you?window=today").body())).containsExactlyInAnyOrder(
                RecsCorpus.GRAPH_THIS_WEEK.get(3), RecsCorpus.VISION_THIS_WEEK.get(3));
        long trainings = server.app().recommendations().trainings();

        String top = before.get(0);
        HttpResponse<String> rated = alice.post("/library/rate", "paper", top, "rating", "less", "collection",
                Long.toString(server.app().library().defaultCollection(aliceId).id()), "csrf",
                alice.csrf("/library/rate"), "next", "/for-you?window=week");
        assertThat(rated.headers().firstValue("Location")).hasValue("/for-you?window=week");
        List<String> after = cards(alice.get("/for-you?window=week").body());
        assertThat(after).doesNotContain(top).hasSize(7);
        assertThat(server.app().recommendations().trainings()).as("the rating retrained the model")
                .isEqualTo(trainings + 1);
        alice.get("/for-you?window=week");
        assertThat(server.app().recommendations().trainings()).as("a reload does not").isEqualTo(trainings + 1);
    }

    @Test
    void eachCollectionIsRecommendedFromOnItsOwn() throws Exception {
        saveLibrary();
        alice.get("/library");
        alice.post("/library/collections", "name", "Vision", "csrf", alice.csrf("/library/collections"));
        long vision = server.app().library().collectionNamed(aliceId, "Vision").id();
        server.app().library().save(aliceId, vision, RecsCorpus.VISION_THIS_WEEK.get(0));
        String page = alice.get("/for-you?collection=" + vision + "&window=week").body();
        assertThat(page).contains("<option value=\"" + vision + "\" selected>Vision</option>");
        List<String> cards = cards(page);
        assertThat(cards.subList(0, 2)).allMatch(RecsCorpus.VISION_THIS_WEEK::contains);
        assertThat(alice.get("/for-you?collection=abc").statusCode()).isEqualTo(400);
        assertThat(alice.get("/for-you?window=year").statusCode()).isEqualTo(400);
        Browser bob = readers.signIn(new Browser(server), "bob@example.org");
        assertThat(bob.get("/for-you?collection=" + vision).statusCode()).as("not bob's").isEqualTo(404);
        assertThat(bob.get("/api/v1/recommendations?collection=" + vision).statusCode()).isEqualTo(404);
    }

    @Test
    void theApiAnswersTheReaderTheCollectionAndScoredItemsWithReasons() throws Exception {
        saveLibrary();
        long collection = server.app().library().defaultCollection(aliceId).id();
        HttpResponse<String> answer = alice.get("/api/v1/recommendations?collection=" + collection
                + "&window=week&limit=5");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.get("reader").asText()).isEqualTo("alice@example.org");
        assertThat(body.get("collection").get("id").asLong()).isEqualTo(collection);
        assertThat(body.get("collection").get("name").asText()).isEqualTo("Library");
        assertThat(body.get("window").asText()).isEqualTo("week");
        assertThat(body.get("since").asText()).isEqualTo("2026-06-24");
        assertThat(body.get("reference_day").asText()).isEqualTo("2026-06-30");
        JsonNode items = body.get("items");
        assertThat(items).hasSize(5);
        assertThat(ids(items).subList(0, 4)).containsExactlyInAnyOrderElementsOf(RecsCorpus.GRAPH_THIS_WEEK);
        for (JsonNode item : items) {
            assertThat(item.fieldNames()).toIterable().containsExactly("id", "title", "score", "because");
            assertThat(item.get("score").isNumber()).isTrue();
            for (JsonNode reason : item.get("because")) {
                assertThat(reason.fieldNames()).toIterable().containsExactly("id", "title");
                assertThat(RecsCorpus.LIBRARY).contains(reason.get("id").asText());
            }
        }
        assertThat(items.get(0).get("because")).hasSizeBetween(1, 3);
        assertThat(JSON.readTree(alice.get("/api/v1/recommendations").body()).get("items")).as("default window,"
                + " default collection").hasSize(8);
        assertThat(alice.get("/api/v1/recommendations?limit=0").statusCode()).isEqualTo(400);
        assertThat(alice.get("/api/v1/recommendations?window=decade").body()).contains("window");
    }

    @Test
    void thePrivateFeedWorksOnlyWithItsSignatureAndOnlyWhileTheSubscriptionLasts() throws Exception {
        saveLibrary();
        Matcher m = feedUrl(alice);
        String path = m.group(1);
        assertThat(alice.get("/library").body()).as("shown on /library too").contains(Readers.PUBLIC + path);
        Browser feedReader = new Browser(server); // no session: the URL is the credential
        HttpResponse<String> feed = feedReader.get(path);
        assertThat(feed.statusCode()).as(feed.body()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/atom+xml");
        assertThat(feed.body()).contains("recommended for you from 'Library'")
                .contains(RecsCorpus.GRAPH_THIS_WEEK.get(0)).doesNotContain(RecsCorpus.LIBRARY.get(0) + "</id>");

        String token = m.group(3);
        String tampered = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
        assertThat(feedReader.get("/feeds/for-you/" + m.group(2) + ".atom?t=" + tampered).statusCode()).isEqualTo(403);
        assertThat(feedReader.get("/feeds/for-you/" + m.group(2) + ".atom").statusCode()).isEqualTo(403);
        long other = server.app().library().create(aliceId, "Other").id();
        assertThat(feedReader.get("/feeds/for-you/" + other + ".atom?t=" + token).statusCode())
                .as("signed for another collection").isEqualTo(403);
        assertThat(feedReader.get("/feeds/for-you/x.atom?t=" + token).statusCode()).isEqualTo(404);

        server.app().subscribers().remove(aliceId);
        assertThat(feedReader.get(path).statusCode()).as("subscription removed").isEqualTo(404);
    }

    @Test
    void aNewSubscriptionRetiresTheOldFeedUrl() throws Exception {
        saveLibrary();
        Matcher m = feedUrl(alice);
        String path = m.group(1);
        server.app().subscribers().remove(aliceId);
        Browser again = readers.signIn(new Browser(server), "alice@example.org");
        long newId = server.app().subscribers().findByEmail("alice@example.org").orElseThrow().id();
        server.app().library().saveAll(newId, "Library", RecsCorpus.LIBRARY);
        assertThat(new Browser(server).get(path).statusCode()).isIn(403, 404);
        assertThat(new Browser(server).get(feedUrl(again).group(1)).statusCode()).isEqualTo(200);
    }
}
