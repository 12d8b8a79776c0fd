package org.paperwire.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperwire.mail.MailMessage;
import org.paperwire.subscription.DigestPeriod;
import org.paperwire.subscription.LinkTokens;
import org.paperwire.library.RatingLinks;
import org.paperwire.subscription.Links;
import org.paperwire.subscription.Preferences;
import org.paperwire.subscription.Subscriber;

/**
 * Issue 12, point 5: mails are rendered by jte templates, escaped by default, and no character XML cannot
 * carry reaches either part. The expected files are the templates' output (re-record with
 * {@code -Dmails.record=true}); when they replaced the StringBuilder renderer they matched its output except for
 * line breaks between block elements and quotes in text, which jte leaves as {@code "} and {@code '}.
 */
class MailRenderingTest {
    static final Path EXPECTED = Path.of("src/test/resources/fixtures/mails");
    static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-03-10T06:00:00Z"));
    static final Subscriber ADA = new Subscriber(7, "ada@example.org", Subscriber.Status.ACTIVE,
            Preferences.defaults(7, ZoneOffset.UTC), List.of(), CLOCK.instant(), CLOCK.instant(), "key-7", null);
    static final DigestMails MAILS = new DigestMails(new Links(URI.create("https://papers.example.org"),
            new LinkTokens(new byte[32], CLOCK, Period.ofDays(30)), "digest@example.org"),
            new RatingLinks(URI.create("https://papers.example.org"), new byte[32], CLOCK, Period.ofDays(30)),
            "Paperwire <digest@example.org>");
    static final DigestPeriod PERIOD = new DigestPeriod("2026-03-10", LocalDate.parse("2026-03-10"), CLOCK.instant());

    static DigestItem item(String id, String title, List<String> authors, String abstractText, int rank) {
        return new DigestItem(id, title, authors, List.of("cs.CL", "cs.LG"), LocalDate.parse("2026-03-09"),
                abstractText, rank > 0 ? "trending" : "saved search \"graphs\"", rank);
    }

    static final Digest DIGEST = new Digest(ADA, PERIOD, List.of(
            item("2603.00001", "Graphs & <b>bold</b> claims", List.of("Ada Lovelace", "Grace Hopper"),
                    "We study \"graphs\" it's fine.\nSecond line.", 3),
            item("2603.00002", "Many authors", List.of("A", "B", "C", "D", "E", "F"), "Short.", 0)));

    static String expected(String name) throws IOException {
        return Files.readString(EXPECTED.resolve(name), StandardCharsets.UTF_8);
    }

    /** Both parts of {@code m} equal the recorded {@code NAME.html} and {@code NAME.txt}. */
    static void assertParts(String name, MailMessage m) throws IOException {
        record(name + ".html", m.html());
        record(name + ".txt", m.text());
        assertThat(m.html()).isEqualTo(expected(name + ".html"));
        assertThat(m.text()).isEqualTo(expected(name + ".txt"));
    }

    static void record(String name, String content) throws IOException {
        if (Boolean.getBoolean("mails.record")) {
            Files.createDirectories(EXPECTED);
            Files.writeString(EXPECTED.resolve(name), content, StandardCharsets.UTF_8);
        }
    }

    @Test
    void theDigestKeepsItsContent() throws IOException {
        assertParts("digest", MAILS.digest(DIGEST));
    }

    /** Issue 10: recommendations come first under a heading per collection, with score, reasons and rating links. */
    @Test
    void recommendedPapersShowScoreReasonsAndRatingLinks() throws IOException {
        DigestItem recommended = new DigestItem("2603.00003", "Close to <your> library", List.of("Grace Hopper"),
                List.of("cs.CL"), LocalDate.parse("2026-03-09"), "Short.", "recommended from your collection ‘Library’",
                0, java.util.Optional.of(new DigestItem.Recommended(11, "Library", 0.8349, List.of(
                        new org.paperwire.recommend.Recommendation.Reason("2601.00001", "A saved \"paper\""),
                        new org.paperwire.recommend.Recommendation.Reason("2601.00002", "Another one")))));
        assertParts("recommended", MAILS.digest(new Digest(ADA, PERIOD, List.of(recommended, DIGEST.items().get(1)))));
    }

    @Test
    void anEmptyDigestSaysSo() throws IOException {
        assertParts("empty", MAILS.digest(new Digest(ADA, PERIOD, List.of())));
    }

    @Test
    void theConfirmationKeepsItsContent() throws IOException {
        assertParts("confirm", MAILS.confirmation(ADA));
    }

    @Test
    void theManageLinkKeepsItsContent() throws IOException {
        assertParts("manage", MAILS.manageLink(ADA));
    }

    @Test
    void aHostileTitleIsEscapedInHtmlAndControlCharactersReachNeitherPart() {
        String title = "<script>alert('x')</script>\u0000Bell\u0007 \uFFFE";
        Digest d = new Digest(ADA, PERIOD, List.of(item("2603.00003", title, List.of("Eve\u001B <img src=x>"),
                "Abstract\u0008 with <i>markup</i>", 1)));
        MailMessage m = MAILS.digest(d);
        assertThat(m.html()).doesNotContain("<script>").doesNotContain("<img").doesNotContain("<i>")
                .contains("&lt;script&gt;alert(").contains("&lt;/script&gt;Bell").contains("Eve &lt;img src=x&gt;");
        assertThat(m.text()).contains("<script>alert('x')</script>Bell").contains("Eve <img src=x>");
        for (String part : List.of(m.html(), m.text())) {
            assertThat(part.chars().filter(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r'
                    || c == 0xFFFE || c == 0xFFFF)).as("characters XML cannot carry").isEmpty();
        }
    }
}
