package org.paperwire.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.app.Paperwire;
import org.paperwire.config.ConfigKey;
import org.paperwire.config.ConfigSources;
import org.paperwire.paper.Paper;
import org.paperwire.subscription.Preferences;
import org.paperwire.subscription.Subscriber;
import org.paperwire.web.TestServer;

/**
 * Issue 5 end to end: GreenMail (a real SMTP server in this JVM) receives the confirmation and the digest, and
 * the links in them work against the real web server on port 0. Links are built from {@code public-url}
 * (https://papers.example.org), so the test points them at the local server to follow them.
 */
class DigestMailIntegrationTest {
    static final String PUBLIC = "https://papers.example.org";
    static final Pattern LINK = Pattern.compile(Pattern.quote(PUBLIC) + "/[a-z/]+\\?t=[A-Za-z0-9._-]+");

    @TempDir
    Path dir;
    GreenMail smtp;
    MutableClock clock;
    TestServer server;
    Paperwire app;
    HttpClient bare = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        clock = new MutableClock(Instant.parse("2026-06-30T10:00:00Z"));
        ConfigSources settings = TestServer.mailingTo(TestServer.settings(dir)
                .with(ConfigKey.PUBLIC_URL, PUBLIC)
                .with(ConfigKey.MAIL_FROM, "Paperwire <digest@papers.example.org>")
                .with(ConfigKey.SUBSCRIPTION_PER_CLIENT_PER_HOUR, "5"), smtp.getSmtp().getPort());
        List<Paper> papers = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            papers.add(new Paper("2606.0000" + i, 1, "Paper <" + i + "> on language & vision", "We study things "
                    + "carefully. ".repeat(40), List.of("Ada Lovelace", "Grace Hopper"), List.of("cs.CL"), null, null,
                    null, Instant.parse("2026-06-29T10:00:00Z"), Instant.parse("2026-06-29T10:00:00Z"),
                    LocalDate.parse("2026-06-30")));
        }
        server = TestServer.start(settings, clock, app -> app.papers().upsertAll(papers));
        app = server.app();
    }

    @AfterEach
    void stop() {
        server.close();
        smtp.stop();
    }

    String local(String link) {
        assertThat(link).startsWith(PUBLIC);
        return server.url(link.substring(PUBLIC.length()));
    }

    HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(HttpClient client, String url, String form) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(form))
                .header("Content-Type", "application/x-www-form-urlencoded").build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> subscribeApi(String json) throws Exception {
        return bare.send(HttpRequest.newBuilder(URI.create(server.url("/api/v1/subscriptions")))
                .POST(HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String text(MimeMessage m) throws Exception {
        return (String) ((MimeMultipart) m.getContent()).getBodyPart(0).getContent();
    }

    static String link(String text, String path) {
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            if (m.group().startsWith(PUBLIC + path + "?")) {
                return m.group();
            }
        }
        throw new AssertionError("no " + path + " link in:\n" + text);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The form in every page's footer, posted with the visitor's cookie and CSRF token. */
    HttpResponse<String> subscribeWithTheFooterForm(String email) throws Exception {
        HttpResponse<String> homePage = get(bare, server.url("/"));
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(homePage.body());
        assertThat(homePage.body()).contains("action=\"/subscribe\"");
        assertThat(csrf.find()).isTrue();
        // the cookie is Secure (public-url is https), so the test sends it back over http by hand
        String cookie = homePage.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpResponse<String> answer = bare.send(HttpRequest.newBuilder(URI.create(server.url("/subscribe")))
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + enc(csrf.group(1)) + "&email=" + enc(email)))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
        app.digests().sendMails(); // what the mail sender in serve does as soon as a mail is queued
        return answer;
    }

    DigestRunner.Report runDigests() {
        return app.digests().run(new DigestRunner.Options(false, true, null));
    }

    /** A confirmed subscriber's first digest, the only mail sent. */
    MimeMessage digestForAConfirmedSubscriber() {
        app.subscriptions().add("ada@example.org", List.of(), true);
        assertThat(runDigests().sent()).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        return smtp.getReceivedMessages()[0];
    }

    Subscriber.Status status(String email) {
        return app.subscribers().findByEmail(email).orElseThrow().status();
    }

    @Test
    void theFooterFormMailsAConfirmation() throws Exception {
        HttpResponse<String> form = subscribeWithTheFooterForm("ada@example.org");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Check your inbox");
        assertThat(smtp.getReceivedMessages()).singleElement().satisfies(confirmation -> {
            assertThat(confirmation.getSubject()).isEqualTo("Confirm your Paperwire subscription");
            assertThat(confirmation.getContentType()).startsWith("multipart/alternative");
        });
        assertThat(status("ada@example.org")).isEqualTo(Subscriber.Status.PENDING);
    }

    @Test
    void anUnconfirmedAddressGetsNoDigest() throws Exception {
        subscribeWithTheFooterForm("ada@example.org");
        assertThat(runDigests().sent()).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(1); // the confirmation alone
    }

    @Test
    void openingTheConfirmationLinkChangesNothingAndItsButtonConfirms() throws Exception {
        subscribeWithTheFooterForm("ada@example.org");
        String confirm = link(text(smtp.getReceivedMessages()[0]), "/subscription/confirm");
        assertThat(get(bare, local(confirm)).body()).contains("Confirm my subscription");
        assertThat(status("ada@example.org")).isEqualTo(Subscriber.Status.PENDING);

        String token = confirm.substring(confirm.indexOf("t=") + 2);
        HttpResponse<String> confirmed = post(bare, server.url("/subscription/confirm"), "t=" + token);
        assertThat(confirmed.statusCode()).isEqualTo(303);
        assertThat(status("ada@example.org")).isEqualTo(Subscriber.Status.ACTIVE);
    }

    @Test
    void aConfirmedAddressGetsItsDigestWithOneClickUnsubscribeHeaders() throws Exception {
        MimeMessage digest = digestForAConfirmedSubscriber();
        assertThat(digest.getSubject()).isEqualTo("Paperwire digest for Tue 30 Jun 2026: 4 new papers");
        assertThat(digest.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(digest.getHeader("List-Unsubscribe")[0]).matches("<" + Pattern.quote(PUBLIC)
                + "/subscription/unsubscribe\\?t=[^>]+>, <mailto:digest@papers\\.example\\.org\\?subject=[^>]+>");
    }

    @Test
    void aSecondRunInTheSamePeriodSendsNothingAgain() {
        digestForAConfirmedSubscriber();
        DigestRunner.Report again = runDigests();
        assertThat(again.sent()).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void theDigestIsPlainTextAndInlineStyledHtmlWithHarvestedTitlesEscaped() throws Exception {
        MimeMessage digest = digestForAConfirmedSubscriber();
        MimeMultipart parts = (MimeMultipart) digest.getContent();
        assertThat(digest.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(html).contains("style=\"").doesNotContain("<link").doesNotContain("<style").doesNotContain("<img")
                .contains("Paper &lt;1&gt; on language &amp; vision") // escaped, never markup
                .contains(PUBLIC + "/papers/2606.00001").contains("https://arxiv.org/abs/2606.00001")
                .contains("Why: trending");
        assertThat(text(digest)).contains("Paper <1> on language & vision").contains("Ada Lovelace, Grace Hopper")
                .contains("cs.CL");
    }

    @Test
    void theDigestsManageLinkChangesTheSettingsAtOnce() throws Exception {
        String manage = link(text(digestForAConfirmedSubscriber()), "/subscription/manage");
        HttpResponse<String> page = get(bare, local(manage));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("ada@example.org").contains("Next digest:");
        String manageToken = manage.substring(manage.indexOf("t=") + 2);
        HttpResponse<String> saved = post(bare, server.url("/subscription/manage"), "t=" + manageToken
                + "&frequency=weekly&weekday=5&hour=8&zone=" + enc("Europe/Berlin") + "&max=7&skip_empty=on"
                + "&kind=category&value=cs.CL&cap=3&kind=search&value=" + enc("speech recognition") + "&cap=2"
                + "&kind=&value=&cap=5");
        assertThat(saved.statusCode()).isEqualTo(200);
        Subscriber changed = app.subscribers().findByEmail("ada@example.org").orElseThrow();
        assertThat(changed.preferences().frequency()).isEqualTo(Preferences.Frequency.WEEKLY);
        assertThat(changed.preferences().maxPerEmail()).isEqualTo(7);
        assertThat(changed.topics()).extracting(t -> t.kind().id() + ":" + t.value() + ":" + t.cap())
                .containsExactly("category:cs.CL:3", "search:speech recognition:2");
        HttpResponse<String> preview = get(bare, server.url("/digest/preview?t=" + manageToken));
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("Paperwire digest for");
    }

    @Test
    void oneClickUnsubscribeFromTheHeaderStopsDigestsAndOlderLinks() throws Exception {
        MimeMessage digest = digestForAConfirmedSubscriber();
        String manage = link(text(digest), "/subscription/manage");
        String listUnsubscribe = digest.getHeader("List-Unsubscribe")[0];
        // RFC 8058 one-click: a POST to the URL from the header, no cookie, no login
        String oneClick = listUnsubscribe.substring(1, listUnsubscribe.indexOf('>'));
        HttpResponse<String> gone = post(bare, local(oneClick), "List-Unsubscribe=One-Click");
        assertThat(gone.statusCode()).isEqualTo(200);
        assertThat(status("ada@example.org")).isEqualTo(Subscriber.Status.UNSUBSCRIBED);
        assertThat(get(bare, local(manage)).statusCode()).isEqualTo(400); // older links stop working
        clock.advance(Duration.ofDays(8));
        assertThat(runDigests().due()).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aFormPostedWithoutACsrfTokenChangesNothingAndShowsOurFormFilledIn() throws Exception {
        // a page without a visitor cookie still has the form
        assertThat(get(bare, server.url("/digest/status")).body()).contains("action=\"/subscribe\"");
        HttpResponse<String> noToken = post(bare, server.url("/subscribe"), "email=" + enc("eve@example.org"));
        assertThat(noToken.statusCode()).isEqualTo(200);
        assertThat(noToken.body()).contains("value=\"eve@example.org\"").contains("name=\"csrf\"");
        assertThat(app.subscribers().findByEmail("eve@example.org")).isEmpty();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void knownAndUnknownAddressesGetTheSameAnswerAndOneMailPerInterval() throws Exception {
        HttpResponse<String> first = subscribeApi("{\"email\": \"grace@example.org\", \"categories\": [\"cs.CL\"]}");
        HttpResponse<String> again = subscribeApi("{\"email\": \"grace@example.org\"}");
        HttpResponse<String> other = subscribeApi("{\"email\": \"alan@example.org\"}");
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.body()).isEqualTo(first.body()).isEqualTo(other.body());
        app.digests().sendMails();
        // one mail per address within subscription.mail-interval, however often it is asked for
        assertThat(smtp.getReceivedMessages()).extracting(m -> m.getAllRecipients()[0].toString())
                .containsExactlyInAnyOrder("grace@example.org", "alan@example.org"); // sent in parallel
    }

    @Test
    void aClientPastItsHourlySubscribeRequestsGets429() throws Exception {
        for (String name : List.of("a", "b", "c", "d", "e")) { // subscription.per-client-per-hour is 5 here
            assertThat(subscribeApi("{\"email\": \"" + name + "@example.org\"}").statusCode()).as(name).isEqualTo(202);
        }
        HttpResponse<String> limited = subscribeApi("{\"email\": \"z@example.org\"}");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(app.subscribers().findByEmail("z@example.org")).isEmpty();
    }

    /** Its own server, so the rate limit (per client address and instance) is fresh: the 400 is the validation's. */
    @Test
    void anInvalidAddressGets400NamingIt() throws Exception {
        HttpResponse<String> invalid = subscribeApi("{\"email\": \"not an address\"}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("'not an address' is not an email address");
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void theOperatorSeesDeliveryOnTheStatusPageAndTheApi() throws Exception {
        app.subscriptions().add("ada@example.org", List.of(), true);
        app.subscriptions().add("unconfirmed@example.org", List.of(), false);
        app.digests().run(new DigestRunner.Options(false, true, null));
        assertThat(get(bare, server.url("/api/v1/digest/status")).body())
                .as("active subscribers only").contains("\"subscribers\":1");
        assertThat(get(bare, server.url("/digest/status")).body())
                .contains("SMTP 127.0.0.1:" + smtp.getSmtp().getPort()).contains("1 sent");
        assertThat(get(bare, server.url("/api/v1/digest/status")).body()).contains("\"sent\":1"); // states spelled as everywhere in the API
        assertThat(get(bare, server.url("/sources")).body()).contains("href=\"/digest/status\"");
        assertThat(DigestRoutes.mask("grace@example.org")).isEqualTo("g…@example.org");
    }

    @Test
    void anExpiredLinkOffersAFreshOne() throws Exception {
        app.subscriptions().add("ada@example.org", List.of(), true);
        Subscriber s = app.subscribers().findByEmail("ada@example.org").orElseThrow();
        String manage = app.links().manage(s);
        clock.advance(Duration.ofDays(31));
        HttpResponse<String> expired = get(bare, local(manage));
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("expired").contains("action=\"/subscription/link\"");
        int mailsBefore = smtp.getReceivedMessages().length;
        assertThat(post(bare, server.url("/subscription/link"), "email=ada%40example.org").body())
                .as("a form posted from elsewhere (no cookie, no CSRF token) mails nothing").doesNotContain("Check your inbox");
        app.digests().sendMails();
        assertThat(smtp.getReceivedMessages()).hasSize(mailsBefore);
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"")
                .matcher(expired.body());
        assertThat(csrf.find()).isTrue();
        // the cookie is Secure (public-url is https), so it goes back over http by hand
        String cookie = expired.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpResponse<String> fresh = bare.send(HttpRequest.newBuilder(URI.create(server.url("/subscription/link")))
                .POST(HttpRequest.BodyPublishers.ofString("email=ada%40example.org&csrf=" + enc(csrf.group(1))))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(fresh.body()).contains("Check your inbox");
        app.digests().sendMails();
        MimeMessage mail = smtp.getReceivedMessages()[smtp.getReceivedMessages().length - 1];
        assertThat(get(bare, local(link(text(mail), "/subscription/manage"))).statusCode()).isEqualTo(200);
    }
}
