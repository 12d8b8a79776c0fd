package org.paperwire.library;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.config.ConfigKey;
import org.paperwire.digest.MutableClock;
import org.paperwire.library.LibraryService.TrainingSet;
import org.paperwire.paper.Papers;
import org.paperwire.reader.Browser;
import org.paperwire.reader.Readers;
import org.paperwire.subscription.Subscriber;
import org.paperwire.web.TestServer;

/**
 * Issue 10, points 2, 3 and 9, through the real server: Save on paper cards and pages (signed out: to sign-in),
 * collections created, renamed, deleted, papers moved and removed, ratings on the web and from signed mail links,
 * the JSON export, and a reader's library visible and changeable by them alone.
 */
class LibraryIntegrationTest {
    static final String A = "2406.01234";
    static final String B = "2406.05678";
    static final String NOT_HARVESTED = "2501.09999";

    @TempDir
    Path dir;
    GreenMail smtp;
    TestServer server;
    MutableClock clock = new MutableClock(Instant.parse("2026-06-30T10:00:00Z"));
    Readers readers;
    Browser alice;

    @BeforeEach
    void start() throws Exception {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        server = TestServer.start(TestServer.mailingTo(TestServer.settings(dir)
                .with(ConfigKey.PUBLIC_URL, Readers.PUBLIC), smtp.getSmtp().getPort()), clock,
                app -> app.papers().upsertAll(List.of(Papers.paper(A, 1, "Sparse retrieval"),
                        Papers.paper(B, 1, "Dense retrieval"))));
        readers = new Readers(server, smtp);
        alice = readers.signIn(new Browser(server), "alice@example.org");
    }

    @AfterEach
    void stop() {
        server.close();
        smtp.stop();
    }

    long id(String email) {
        return server.app().subscribers().findByEmail(email).orElseThrow().id();
    }

    @Test
    void signedOutSaveButtonsLeadToSignIn() throws Exception {
        Browser visitor = new Browser(server);
        for (String page : List.of("/?window=month", "/search?q=retrieval&mode=keyword", "/papers/" + A)) {
            assertThat(visitor.get(page).body()).as(page).contains("<a class=\"button save\" href=\"/sign-in\"");
        }
        visitor.get("/papers/" + A);
        HttpResponse<String> save = visitor.post("/library/save", "paper", A, "csrf", visitor.csrf());
        assertThat(save.statusCode()).isEqualTo(303);
        assertThat(save.headers().firstValue("Location")).hasValue("/sign-in");
        assertThat(visitor.get("/library").headers().firstValue("Location")).hasValue("/sign-in");
        assertThat(visitor.get("/api/v1/library").statusCode()).isEqualTo(401);
    }

    @Test
    void saveFromTheTrendingListSearchAndPaperPageIntoTheLibrary() throws Exception {
        String trending = alice.get("/?window=month").body();
        assertThat(trending).contains("action=\"/library/save\"").contains("name=\"next\" value=\"/?window=month\"");
        HttpResponse<String> saved = alice.post("/library/save", "paper", A, "csrf", alice.csrf("/library/save"),
                "next", "/?window=month");
        assertThat(saved.headers().firstValue("Location")).hasValue("/?window=month");
        assertThat(alice.get("/?window=month").body()).contains("Saved ✓");

        alice.get("/search?q=retrieval&mode=keyword");
        alice.post("/library/save", "paper", B + "v2", "csrf", alice.csrf("/library/save"), "next", "//evil.example");
        alice.get("/papers/" + A);
        HttpResponse<String> notHarvested = alice.post("/library/save", "paper", "arXiv:" + NOT_HARVESTED, "csrf",
                alice.csrf("/library/save"), "next", "https://evil.example/");
        assertThat(notHarvested.headers().firstValue("Location")).as("never off-site").hasValue("/library");

        String library = alice.get("/library").body();
        assertThat(library).contains("Sparse retrieval").contains("Dense retrieval").contains(NOT_HARVESTED)
                .contains("not harvested here yet");
        assertThat(server.app().library().savedIds(id("alice@example.org"))).containsExactlyInAnyOrder(A, B,
                NOT_HARVESTED);

        HttpResponse<String> bad = alice.post("/library/save", "paper", "not-an-id", "csrf", alice.csrf());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("'not-an-id' is not an arXiv id");
    }

    @Test
    void aFormWithoutTheSessionsCsrfTokenChangesNothing() throws Exception {
        alice.get("/papers/" + A);
        String visitorToken = alice.csrf("/papers/" + A + "/vote");
        assertThat(alice.post("/library/save", "paper", A).statusCode()).isEqualTo(403);
        assertThat(alice.post("/library/save", "paper", A, "csrf", visitorToken).statusCode())
                .as("the visitor cookie's token is not the session's").isEqualTo(403);
        assertThat(server.app().library().savedIds(id("alice@example.org"))).isEmpty();
    }

    @Test
    void collectionsAreCreatedRenamedAndDeletedAndPapersMovedAndRemoved() throws Exception {
        LibraryService library = server.app().library();
        long reader = id("alice@example.org");
        alice.get("/library");
        String csrf = alice.csrf("/library/collections");
        alice.post("/library/save", "paper", A, "csrf", csrf);
        assertThat(alice.post("/library/collections", "name", "Retrieval", "csrf", csrf).statusCode()).isEqualTo(303);
        HttpResponse<String> twice = alice.post("/library/collections", "name", "retrieval ", "csrf", csrf);
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(twice.body()).contains("already have a collection named");
        long first = library.collections(reader).get(0).id();
        long second = library.collections(reader).get(1).id();

        alice.post("/library/move", "paper", A, "collection", Long.toString(first), "to", Long.toString(second),
                "csrf", csrf);
        assertThat(library.trainingSet(reader, second).positives()).extracting(SavedPaper::paperId).containsExactly(A);
        assertThat(library.trainingSet(reader, first).positives()).isEmpty();

        alice.post("/library/collections/rename", "collection", Long.toString(second), "name", "Sparse", "csrf", csrf);
        assertThat(alice.get("/library").body()).contains("Sparse <span class=\"count\">(1)</span>");
        alice.post("/library/remove", "paper", A, "collection", Long.toString(second), "csrf", csrf);
        assertThat(library.trainingSet(reader, second).positives()).isEmpty();
        alice.post("/library/collections/delete", "collection", Long.toString(second), "csrf", csrf);
        assertThat(library.collections(reader)).extracting(LibraryCollection::name).containsExactly("Library");
        assertThat(alice.post("/library/collections/rename", "collection", "abc", "name", "x", "csrf", csrf)
                .statusCode()).isEqualTo(400);
    }

    @Test
    void ratingsOnThePaperPageArePositivesAndNegativesOfTheDefaultCollection() throws Exception {
        long reader = id("alice@example.org");
        String page = alice.get("/papers/" + A).body();
        assertThat(page).contains("action=\"/library/rate\"").contains("More like this").contains("Not for me");
        String csrf = alice.csrf("/library/rate");
        alice.post("/library/rate", "paper", A, "rating", "more", "csrf", csrf, "next", "/papers/" + A);
        assertThat(alice.get("/papers/" + A).body()).contains("aria-pressed=\"true\">More like this");
        alice.post("/library/save", "paper", B, "csrf", csrf);
        alice.post("/library/rate", "paper", NOT_HARVESTED, "rating", "less", "csrf", csrf);

        TrainingSet set = server.app().library().trainingSets(reader).get(0);
        assertThat(set.positives()).extracting(SavedPaper::paperId).containsExactlyInAnyOrder(A, B);
        assertThat(set.negatives()).extracting(RatedPaper::paperId).containsExactly(NOT_HARVESTED);
        assertThat(server.app().library().savedOrRated(reader)).containsExactlyInAnyOrder(A, B, NOT_HARVESTED);

        alice.post("/library/rate", "paper", A, "rating", "clear", "csrf", csrf);
        assertThat(server.app().library().trainingSets(reader).get(0).positives()).extracting(SavedPaper::paperId)
                .containsExactly(B);
        assertThat(alice.post("/library/rate", "paper", A, "rating", "meh", "csrf", csrf).statusCode())
                .isEqualTo(400);
    }

    @Test
    void aReadersLibraryIsTheirsAlone() throws Exception {
        long reader = id("alice@example.org");
        alice.get("/library");
        String alicesToken = alice.csrf("/library/collections");
        alice.post("/library/save", "paper", A, "csrf", alicesToken);
        long alicesCollection = server.app().library().collections(reader).get(0).id();

        Browser bob = readers.signIn(new Browser(server), "bob@example.org");
        assertThat(bob.get("/library").body()).doesNotContain("Sparse retrieval");
        String csrf = bob.csrf("/library/collections");
        for (String[] form : List.of(new String[] {"/library/remove", "collection"},
                new String[] {"/library/collections/delete", "collection"},
                new String[] {"/library/collections/rename", "collection"},
                new String[] {"/library/save", "collection"},
                new String[] {"/library/rate", "collection"})) {
            HttpResponse<String> r = bob.post(form[0], form[1], Long.toString(alicesCollection), "paper", A,
                    "name", "Mine", "rating", "less", "csrf", csrf);
            assertThat(r.statusCode()).as(form[0]).isEqualTo(404);
        }
        assertThat(bob.post("/library/save", "paper", A, "csrf", alicesToken).statusCode())
                .as("alice's token in bob's session").isEqualTo(403);
        JsonNode bobs = new ObjectMapper().readTree(bob.get("/api/v1/library").body());
        assertThat(bobs.get("reader").asText()).isEqualTo("bob@example.org");
        assertThat(bobs.toString()).doesNotContain(A);
        assertThat(server.app().library().trainingSets(reader).get(0).positives()).extracting(SavedPaper::paperId)
                .containsExactly(A);
    }

    @Test
    void theReaderDownloadsCollectionsAndRatingsAsJson() throws Exception {
        alice.get("/papers/" + A);
        String csrf = alice.csrf("/library/save");
        alice.post("/library/save", "paper", A, "csrf", csrf);
        alice.post("/library/rate", "paper", B, "rating", "less", "csrf", csrf);

        HttpResponse<String> download = alice.get("/library/export.json");
        assertThat(download.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"paperwire-library.json\"");
        JsonNode root = new ObjectMapper().readTree(download.body());
        assertThat(root.get("reader").asText()).isEqualTo("alice@example.org");
        JsonNode library = root.get("collections").get(0);
        assertThat(library.get("name").asText()).isEqualTo("Library");
        assertThat(library.at("/papers/0/id").asText()).isEqualTo(A);
        assertThat(library.at("/papers/0/title").asText()).isEqualTo("Sparse retrieval");
        assertThat(library.at("/papers/0/added_at").asText()).isEqualTo("2026-06-30T10:00:00Z");
        assertThat(library.at("/ratings/0/id").asText()).isEqualTo(B);
        assertThat(library.at("/ratings/0/rating").asText()).isEqualTo("not_for_me");
        assertThat(alice.get("/api/v1/library").body()).isEqualTo(download.body());
    }

    @Test
    void signedRatingLinksFromMailsOpenAOneButtonPageAndThePostRates() throws Exception {
        LibraryService library = server.app().library();
        Subscriber s = server.app().subscribers().findByEmail("alice@example.org").orElseThrow();
        long collection = library.defaultCollection(s.id()).id();
        RatingLinks.Links links = server.app().ratingLinks().links(s, collection, A);
        assertThat(links.moreLikeThis()).startsWith(Readers.PUBLIC + "/rate?t=");
        String more = links.moreLikeThis().substring(Readers.PUBLIC.length());
        String less = links.notForMe().substring(Readers.PUBLIC.length());
        Browser mailClient = new Browser(server);

        HttpResponse<String> page = mailClient.get(more);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("action=\"/rate\"").contains(">More like this</button>");
        assertThat(library.trainingSet(s.id(), collection).positives()).as("GET changes nothing").isEmpty();

        String token = URI.create(Readers.PUBLIC + more).getQuery().substring(2);
        assertThat(mailClient.post("/rate", "t", token).body()).contains("Thank you");
        assertThat(library.trainingSet(s.id(), collection).positives()).extracting(SavedPaper::paperId).containsExactly(A);
        String lessToken = URI.create(Readers.PUBLIC + less).getQuery().substring(2);
        mailClient.post("/rate", "t", lessToken);
        assertThat(library.trainingSet(s.id(), collection).negatives()).extracting(RatedPaper::paperId).containsExactly(A);

        String tampered = token.replace(".more.", ".less.");
        assertThat(mailClient.post("/rate", "t", tampered).statusCode()).isEqualTo(400);
        assertThat(mailClient.get("/rate?t=garbage").statusCode()).isEqualTo(400);
        clock.advance(Duration.ofDays(31));
        assertThat(mailClient.post("/rate", "t", token).statusCode()).as("subscription.link-ttl").isEqualTo(410);
    }

    @Test
    void removingTheSubscriptionRemovesTheLibraryAndItsRatingLinksStopWorking() throws Exception {
        LibraryService library = server.app().library();
        Subscriber s = server.app().subscribers().findByEmail("alice@example.org").orElseThrow();
        alice.get("/papers/" + A);
        alice.post("/library/save", "paper", A, "csrf", alice.csrf("/library/save"));
        long collection = library.defaultCollection(s.id()).id();
        String link = server.app().ratingLinks().links(s, collection, B).moreLikeThis();

        assertThat(server.app().subscribers().remove(s.id())).isTrue();

        assertThat(library.collections(s.id())).isEmpty();
        assertThat(library.readers()).doesNotContain(s.id());
        assertThat(alice.get("/library").statusCode()).as("the session went too").isEqualTo(303);
        assertThat(new Browser(server).get(link.substring(Readers.PUBLIC.length())).statusCode()).isEqualTo(400);
    }
}
