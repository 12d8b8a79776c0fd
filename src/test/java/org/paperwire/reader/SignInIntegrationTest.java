package org.paperwire.reader;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.config.ConfigKey;
import org.paperwire.db.Database;
import org.paperwire.digest.MutableClock;
import org.paperwire.library.SavedPaper;
import org.paperwire.paper.Papers;
import org.paperwire.web.TestServer;

/**
 * Issue 10, point 1, through the real server and a real SMTP server: a subscriber signs in with a mailed,
 * single-use, expiring link that opens a page with a button; the session cookie is HttpOnly, SameSite=Lax, Secure
 * behind an https public-url, ends after web.session-idle and on sign-out; unknown addresses get the same answer and
 * no mail; votes cast in the browser before signing in become the reader's.
 */
class SignInIntegrationTest {
    static final String PAPER = "2406.01234";
    static final Instant START = Instant.parse("2026-06-30T10:00:00Z");

    @TempDir
    Path dir;
    GreenMail smtp;
    TestServer server;
    MutableClock clock = new MutableClock(START);
    Readers readers;

    @BeforeEach
    void start() throws Exception {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        server = TestServer.start(TestServer.mailingTo(TestServer.settings(dir)
                .with(ConfigKey.PUBLIC_URL, Readers.PUBLIC)
                .with(ConfigKey.WEB_SESSION_IDLE, "P1D"), smtp.getSmtp().getPort()), clock,
                app -> app.papers().upsertAll(List.of(Papers.paper(PAPER, 1, "Sparse retrieval"))));
        readers = new Readers(server, smtp);
    }

    @AfterEach
    void stop() {
        server.close();
        smtp.stop();
    }

    @Test
    void aSubscriberSignsInOnceWithTheMailedLinkAndGetsAStrictSessionCookie() throws Exception {
        readers.subscribe("alice@example.org");
        Browser browser = new Browser(server);
        assertThat(readers.askForLink(browser, "alice@example.org").body()).contains("Check your inbox");
        String token = readers.lastLinkTo("alice@example.org");

        HttpResponse<String> page = browser.get("/sign-in/link?t=" + token);
        assertThat(page.body()).contains("Sign me in").contains("method=\"post\"");
        assertThat(browser.cookie(ReaderSessions.COOKIE)).as("opening the link (a mail scanner) signs nobody in").isNull();

        HttpResponse<String> signedIn = browser.post("/sign-in/link", "t", token, "csrf", browser.csrf());
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).hasValue("/library");
        String cookie = signedIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(ReaderSessions.COOKIE + "=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("Secure").contains("SameSite=Lax").contains("Path=/")
                .contains("Max-Age=86400");
        assertThat(browser.get("/library").body()).contains("Signed in as alice@example.org").contains("Sign out");

        Browser other = new Browser(server);
        other.get("/sign-in/link?t=" + token);
        HttpResponse<String> again = other.post("/sign-in/link", "t", token, "csrf", other.csrf());
        assertThat(again.statusCode()).as("a link works once").isEqualTo(410);
        assertThat(again.body()).contains("used already");
        assertThat(other.cookie(ReaderSessions.COOKIE)).isNull();

        assertThat(storedSessionHashes()).as("only a hash of the session token is stored")
                .containsExactly(SignInService.hash(browser.cookie(ReaderSessions.COOKIE)))
                .doesNotContain(browser.cookie(ReaderSessions.COOKIE));
    }

    @Test
    void unknownPendingAndUnsubscribedAddressesGetTheSameAnswerAndNoMail() throws Exception {
        server.app().subscriptions().add("pending@example.org", List.of(), false);
        readers.subscribe("gone@example.org");
        server.app().subscribers().unsubscribe(server.app().subscribers().findByEmail("gone@example.org").orElseThrow().id());
        server.app().digests().sendMails();
        int before = smtp.getReceivedMessages().length;
        readers.subscribe("alice@example.org");

        Browser browser = new Browser(server);
        String known = readers.askForLink(browser, "alice@example.org").body();
        for (String address : List.of("nobody@example.org", "pending@example.org", "gone@example.org", "not an address")) {
            HttpResponse<String> answer = readers.askForLink(browser, address);
            assertThat(answer.statusCode()).as(address).isEqualTo(200);
            assertThat(answer.body()).as(address).isEqualTo(known);
        }
        server.app().digests().sendMails();
        assertThat(smtp.getReceivedMessages()).hasSize(before + 1);
        assertThat(smtp.getReceivedMessages()[before].getAllRecipients()[0].toString()).isEqualTo("alice@example.org");
    }

    @Test
    void anAddressGetsAtMostFiveLinksAnHour() throws Exception {
        readers.subscribe("alice@example.org");
        Browser browser = new Browser(server);
        for (int i = 0; i < 7; i++) {
            assertThat(readers.askForLink(browser, "alice@example.org").body()).contains("Check your inbox");
        }
        server.app().digests().sendMails();
        assertThat(smtp.getReceivedMessages()).hasSize(SignInService.LINKS_PER_HOUR);
    }

    @Test
    void anExpiredLinkSignsNobodyIn() throws Exception {
        readers.subscribe("alice@example.org");
        Browser browser = new Browser(server);
        readers.askForLink(browser, "alice@example.org");
        String token = readers.lastLinkTo("alice@example.org");
        clock.advance(Duration.ofMinutes(30));

        HttpResponse<String> page = browser.get("/sign-in/link?t=" + token);
        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(page.body()).contains("expired").contains("Email me a sign-in link");
        assertThat(browser.post("/sign-in/link", "t", token, "csrf", browser.csrf()).statusCode()).isEqualTo(410);
        assertThat(browser.cookie(ReaderSessions.COOKIE)).isNull();
        assertThat(browser.get("/sign-in/link?t=" + token.substring(1)).statusCode()).isEqualTo(400);
    }

    @Test
    void aLinkPostedByAnotherSiteSignsNobodyInAndStaysUsable() throws Exception {
        readers.subscribe("alice@example.org");
        Browser browser = new Browser(server);
        readers.askForLink(browser, "alice@example.org");
        String token = readers.lastLinkTo("alice@example.org");

        Browser victim = new Browser(server); // no visitor cookie: a cross-site POST carries none (SameSite=Lax)
        HttpResponse<String> forged = victim.post("/sign-in/link", "t", token);
        assertThat(forged.statusCode()).isEqualTo(200);
        assertThat(forged.body()).contains("Sign me in");
        assertThat(victim.cookie(ReaderSessions.COOKIE)).isNull();

        assertThat(readers.useLink(browser, token).statusCode()).as("the owner's link still works").isEqualTo(303);
    }

    @Test
    void aSessionEndsAfterTheIdleTimeAndOnSignOut() throws Exception {
        Browser browser = readers.signIn(new Browser(server), "alice@example.org");
        clock.advance(Duration.ofHours(23));
        assertThat(browser.get("/library").statusCode()).as("used within the idle time: still on").isEqualTo(200);
        clock.advance(Duration.ofHours(23));
        assertThat(browser.get("/library").statusCode()).as("renewed by the last request").isEqualTo(200);
        clock.advance(Duration.ofDays(1));
        HttpResponse<String> ended = browser.get("/library");
        assertThat(ended.statusCode()).isEqualTo(303);
        assertThat(ended.headers().firstValue("Location")).hasValue("/sign-in");

        readers.useLink(browser, freshLink(browser));
        String session = browser.cookie(ReaderSessions.COOKIE);
        browser.get("/library");
        assertThat(browser.post("/sign-out", "csrf", "forged").statusCode()).isEqualTo(403);
        assertThat(browser.get("/library").statusCode()).isEqualTo(200);
        browser.get("/library");
        assertThat(browser.post("/sign-out", "csrf", browser.csrf("/sign-out")).statusCode()).isEqualTo(303);
        assertThat(browser.cookie(ReaderSessions.COOKIE)).isNull();
        browser.setCookie(ReaderSessions.COOKIE, session);
        assertThat(browser.get("/library").statusCode()).as("the old cookie is worth nothing").isEqualTo(303);
    }

    private String freshLink(Browser browser) throws Exception {
        readers.askForLink(browser, "alice@example.org");
        return readers.lastLinkTo("alice@example.org");
    }

    @Test
    void votesCastInTheBrowserBeforeSigningInBecomeTheReadersMoreLikeThis() throws Exception {
        Browser browser = new Browser(server);
        browser.get("/papers/" + PAPER);
        assertThat(browser.post("/papers/" + PAPER + "/vote", "csrf", browser.csrf(), "action", "vote").statusCode())
                .isEqualTo(303);
        readers.subscribe("alice@example.org");
        readers.askForLink(browser, "alice@example.org");
        HttpResponse<String> signedIn = readers.useLink(browser, readers.lastLinkTo("alice@example.org"));
        assertThat(signedIn.headers().firstValue("Location")).hasValue("/library?adopted=1");

        assertThat(browser.get("/library?adopted=1").body()).contains("1 paper you voted for");
        long alice = server.app().subscribers().findByEmail("alice@example.org").orElseThrow().id();
        assertThat(server.app().library().trainingSets(alice)).singleElement().satisfies(set -> {
            assertThat(set.collection().name()).isEqualTo("Library");
            assertThat(set.positives()).extracting(SavedPaper::paperId).containsExactly(PAPER);
        });
        assertThat(browser.get("/papers/" + PAPER).body()).contains("aria-pressed=\"true\">More like this");
    }

    private List<String> storedSessionHashes() throws Exception {
        try (Database db = Database.open(dir); Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT token_hash FROM reader_sessions")) {
            List<String> out = new java.util.ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }
}
