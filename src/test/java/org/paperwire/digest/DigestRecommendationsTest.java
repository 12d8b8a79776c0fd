package org.paperwire.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.app.Paperwire;
import org.paperwire.config.ConfigKey;
import org.paperwire.config.ConfigSources;
import org.paperwire.library.LibraryCollection;
import org.paperwire.library.LibraryService;
import org.paperwire.library.Rating;
import org.paperwire.library.SavedPaper;
import org.paperwire.paper.Paper;
import org.paperwire.paper.PaperSummary;
import org.paperwire.recommend.Recommendation;
import org.paperwire.recommend.Recommender;
import org.paperwire.subscription.DigestPeriod;
import org.paperwire.subscription.Subscriber;
import org.paperwire.web.TestServer;

/**
 * Issue 10, item 7 over GreenMail: a reader with two collections gets a "Recommended for you" section per
 * collection first in the digest, each at most {@code digest.recommendations-per-collection} papers, without the
 * papers the reader saved or rated; each shows its score, "because you saved …" and two signed rating links that
 * open a one-button page whose POST rates. {@code /digest/preview} shows the sections too.
 *
 * <p>The recommender is {@link ListRecommender}, a stand-in that ranks every new paper in a fixed order per
 * collection and leaves nothing out on its own, so that the digest's own skipping is what is tested.
 */
class DigestRecommendationsTest {
    static final String PUBLIC = DigestMailIntegrationTest.PUBLIC;
    static final Pattern ARXIV = Pattern.compile("https://arxiv\\.org/abs/(\\S+)");
    static final List<String> NEW = List.of("2606.00001", "2606.00002", "2606.00003", "2606.00004", "2606.00005",
            "2606.00006", "2606.00007", "2606.00008");

    @TempDir
    Path dir;
    GreenMail smtp;
    MutableClock clock;
    TestServer server;
    Paperwire app;
    HttpClient bare = HttpClient.newHttpClient();
    Subscriber ada;
    LibraryCollection library;
    LibraryCollection vision;

    /**
     * Every paper of {@link #NEW} for any collection, with falling scores: in that order for the reader's first
     * collection, backwards for the others; "because" names the collection's papers (four of them in the first).
     */
    static final class ListRecommender implements Recommender {
        final AtomicReference<Paperwire> app = new AtomicReference<>();
        final List<LocalDate> sinces = new ArrayList<>();

        @Override
        public synchronized List<Recommendation> recommend(long readerId, long collectionId, LocalDate since, int limit) {
            sinces.add(since);
            LibraryService library = app.get().library();
            LibraryService.TrainingSet set = library.trainingSet(readerId, collectionId);
            List<String> order = new ArrayList<>(NEW);
            if (set.collection().id() != library.collections(readerId).get(0).id()) {
                order = order.reversed();
            }
            List<Recommendation.Reason> because = set.positives().stream().map(SavedPaper::paperId)
                    .map(id -> new Recommendation.Reason(id, app.get().papers().find(id).orElseThrow().title())).toList();
            List<Recommendation> out = new ArrayList<>();
            for (int i = 0; i < order.size() && out.size() < limit; i++) {
                Paper p = app.get().papers().find(order.get(i)).orElseThrow();
                out.add(new Recommendation(new PaperSummary(p.id(), p.title(), p.authors(), p.categories(), p.date()),
                        0.9 - 0.1 * i, because));
            }
            return out;
        }
    }

    ListRecommender recommender = new ListRecommender();

    static Paper paper(String id, String title, String day) {
        return new Paper(id, 1, title, "We study things carefully. ".repeat(10), List.of("Ada Lovelace"),
                List.of("cs.CV"), null, null, null, Instant.parse(day + "T10:00:00Z"), Instant.parse(day + "T10:00:00Z"),
                LocalDate.parse(day));
    }

    @BeforeEach
    void start() throws Exception {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        clock = new MutableClock(Instant.parse("2026-06-30T10:00:00Z"));
        ConfigSources settings = TestServer.mailingTo(TestServer.settings(dir)
                .with(ConfigKey.PUBLIC_URL, PUBLIC)
                .with(ConfigKey.MAIL_FROM, "Paperwire <digest@papers.example.org>")
                .with(ConfigKey.DIGEST_RECOMMENDATIONS_PER_COLLECTION, "2"), smtp.getSmtp().getPort());
        List<Paper> papers = new ArrayList<>();
        for (int i = 0; i < NEW.size(); i++) {
            papers.add(paper(NEW.get(i), "New paper " + (i + 1) + " on vision", "2026-06-30"));
        }
        for (String letter : List.of("A", "B", "C", "D")) {
            papers.add(paper("2605.0000" + (letter.charAt(0) - 'A' + 1), "Library paper " + letter, "2026-05-01"));
        }
        server = TestServer.withRecommender(settings, clock, none -> recommender, app -> {
            recommender.app.set(app);
            app.papers().upsertAll(papers);
        });
        app = server.app();
        app.subscriptions().add("ada@example.org", List.of(), true);
        ada = app.subscribers().findByEmail("ada@example.org").orElseThrow();
        LibraryService lib = app.library();
        lib.saveAll(ada.id(), "Library", List.of("2605.00001", "2605.00002", "2605.00004"));
        lib.saveAll(ada.id(), "Vision", List.of("2605.00003"));
        library = lib.collectionNamed(ada.id(), "Library");
        vision = lib.collectionNamed(ada.id(), "Vision");
        lib.save(ada.id(), library.id(), "2606.00001"); // saved: never recommended again
        lib.rate(ada.id(), vision.id(), "2606.00008", Rating.NOT_FOR_ME); // rated: likewise, in every collection
    }

    @AfterEach
    void stop() {
        server.close();
        smtp.stop();
    }

    String text(MimeMessage m) throws Exception {
        return DigestMailIntegrationTest.text(m);
    }

    MimeMessage firstDigest() {
        assertThat(app.digests().run(new DigestRunner.Options(false, true, null)).sent()).isEqualTo(1);
        return smtp.getReceivedMessages()[0];
    }

    /** The ids of each section of the text part, by heading, in the mail's order. */
    static Map<String, List<String>> sections(String text) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : text.split("\r?\n")) {
            if (line.startsWith("== ") && line.endsWith(" ==")) {
                current = new ArrayList<>();
                out.put(line.substring(3, line.length() - 3), current);
            }
            Matcher m = ARXIV.matcher(line);
            if (m.find() && current != null) {
                current.add(m.group(1));
            }
        }
        return out;
    }

    /** The text part's block of one paper (from its number to the next blank line). */
    static String entry(String text, String paperId) {
        for (String block : text.split("\r?\n\r?\n")) {
            if (block.contains("https://arxiv.org/abs/" + paperId)) {
                return block;
            }
        }
        throw new AssertionError("no entry for " + paperId + " in:\n" + text);
    }

    String local(String link) {
        assertThat(link).startsWith(PUBLIC);
        return server.url(link.substring(PUBLIC.length()));
    }

    @Test
    void eachCollectionGetsItsOwnSectionFirstWithinItsCapWithoutSavedOrRatedPapers() throws Exception {
        String text = text(firstDigest());
        Map<String, List<String>> sections = sections(text);
        assertThat(sections.keySet()).containsExactly("Recommended for you from ‘Library’",
                "Recommended for you from ‘Vision’", "From your topics");
        // Library ranks 1, 2, 3 ...: 1 is saved; Vision ranks 8, 7, ...: 8 is rated "not for me"
        assertThat(sections.get("Recommended for you from ‘Library’")).containsExactly("2606.00002", "2606.00003");
        assertThat(sections.get("Recommended for you from ‘Vision’")).containsExactly("2606.00007", "2606.00006");
        assertThat(sections.get("From your topics")).doesNotContainAnyElementsOf(List.of("2606.00002", "2606.00003",
                "2606.00007", "2606.00006")).isNotEmpty(); // the topics' section as before, without papers given above
        // the digest's first new day: three days back for a first digest, less three days' margin
        assertThat(recommender.sinces).containsOnly(LocalDate.parse("2026-06-24"));
    }

    @Test
    void aRecommendationShowsItsScoreUpToThreeSavedPapersAndTwoRatingLinks() throws Exception {
        MimeMessage mail = firstDigest();
        String entry = entry(text(mail), "2606.00003");
        assertThat(entry).contains("Why: recommended from your collection ‘Library’, score 0.70")
                // the collection's positives, newest first then by id; three at most
                .contains("Because you saved “Library paper A”, “Library paper B”, “Library paper D”")
                .doesNotContain("New paper 1")
                .containsPattern("More like this: " + Pattern.quote(PUBLIC) + "/rate\\?t=\\S+")
                .containsPattern("Not for me: " + Pattern.quote(PUBLIC) + "/rate\\?t=\\S+");
        String html = (String) ((MimeMultipart) mail.getContent()).getBodyPart(1).getContent();
        assertThat(html).contains("Recommended for you from ‘Library’").contains(">More like this</a>")
                .contains(">Not for me</a>").contains("Because you saved “Library paper A”");
    }

    @Test
    void theNotForMeLinkOpensAOneButtonPageWhosePostRatesAndLaterDigestsSkipThePaper() throws Exception {
        String entry = entry(text(firstDigest()), "2606.00003");
        Matcher link = Pattern.compile("Not for me: (\\S+)").matcher(entry);
        assertThat(link.find()).isTrue();
        String url = link.group(1);

        HttpResponse<String> page = bare.send(HttpRequest.newBuilder(URI.create(local(url))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("action=\"/rate\"").contains("Not for me").contains("2606.00003");
        assertThat(app.library().savedOrRated(ada.id())).as("opening the link changes nothing")
                .doesNotContain("2606.00003");

        HttpResponse<String> rated = bare.send(HttpRequest.newBuilder(URI.create(server.url("/rate")))
                .POST(HttpRequest.BodyPublishers.ofString("t=" + url.substring(url.indexOf("t=") + 2)))
                .header("Content-Type", "application/x-www-form-urlencoded").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(rated.statusCode()).isEqualTo(200);
        assertThat(rated.body()).contains("Thank you");
        assertThat(app.library().trainingSet(ada.id(), library.id()).negatives())
                .extracting(r -> r.paperId()).containsExactly("2606.00003");

        // even for a reader who had never been given it, the section now leaves it out
        DigestSource.Request fresh = new DigestSource.Request(ada, new DigestPeriod("2026-07-01",
                LocalDate.parse("2026-07-01"), clock.instant()), LocalDate.parse("2026-06-27"), java.util.Set.of(),
                (key, compute) -> compute.get());
        List<DigestSource.Section> again = new RecommendationSource(recommender, app.library(), 2).sections(fresh);
        assertThat(again.get(0).candidates()).extracting(DigestSource.Candidate::paperId)
                .startsWith("2606.00002", "2606.00004").doesNotContain("2606.00001", "2606.00003");
        clock.advance(Duration.ofDays(1));
        assertThat(app.digests().preview(ada).items()).extracting(DigestItem::paperId).doesNotContain("2606.00003");
    }

    String preview() throws Exception {
        String manage = app.links().manage(ada);
        String token = manage.substring(manage.indexOf("t=") + 2);
        HttpResponse<String> preview = bare.send(HttpRequest.newBuilder(URI.create(server.url("/digest/preview?t="
                + token))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(preview.statusCode()).isEqualTo(200);
        return preview.body();
    }

    @Test
    void thePreviewShowsTheSectionsAndFollowsTheLibrary() throws Exception {
        String body = preview();
        assertThat(body).contains("Recommended for you from ‘Library’").contains("Recommended for you from ‘Vision’")
                .contains(">More like this</a>");
        assertThat(body.indexOf("Recommended for you from ‘Library’")).isLessThan(body.indexOf("From your topics"));
        Pattern rateLinkOf2 = Pattern.compile("/rate\\?t=[^\"]*\\.2606\\.00002\"");
        assertThat(body).containsPattern(rateLinkOf2);

        app.library().save(ada.id(), library.id(), "2606.00002");
        assertThat(preview()).as("a saved paper leaves the preview's recommendations at once").doesNotContainPattern(rateLinkOf2);
    }

    @Test
    void aCapOfZeroLeavesTheSectionsOutWithoutAskingTheRecommender() {
        DigestSource.Request request = new DigestSource.Request(ada, new DigestPeriod("2026-06-30",
                LocalDate.parse("2026-06-30"), clock.instant()), LocalDate.parse("2026-06-27"), java.util.Set.of(),
                (key, compute) -> compute.get());
        assertThat(new RecommendationSource(recommender, app.library(), 0).sections(request)).isEmpty();
        assertThat(recommender.sinces).isEmpty();
    }
}
