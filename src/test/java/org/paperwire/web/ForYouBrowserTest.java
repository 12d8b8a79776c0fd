package org.paperwire.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.paperwire.SharedData;
import org.paperwire.app.Paperwire;
import org.paperwire.app.WebApp;
import org.paperwire.config.ConfigKey;
import org.paperwire.config.ConfigSources;
import org.paperwire.config.TestConfigs;
import org.paperwire.ingest.bulk.ImportOptions;
import org.paperwire.ingest.bulk.ImportProgress;
import org.paperwire.reader.ReaderSessions;

/**
 * Issue 10, "Tests", in a real browser (Debian's headless Chromium, as {@link BrowserTest}): a reader signs in with
 * the mailed link (GreenMail; the link's page, then its button), saves a paper from its page, opens
 * {@code /for-you}, rates its first recommendation "Not for me" with the {@code rateButtons.jte} form, and sees
 * {@code /for-you} change: the rated paper is gone and the list is another.
 *
 * <p><b>Needs {@code /for-you}</b> (and the real recommender behind it), which the recs-web branch builds: on a
 * branch without it the page answers 404, so the test is disabled there; the lead enables it at merge. It relies
 * only on what the issue names: the {@code /for-you} route, the Save form ({@code form.save-form}) and the
 * "More like this" / "Not for me" forms ({@code form.rate-form} with a hidden {@code paper} field).
 *
 * <p>Without chromium and chromedriver it is skipped with a notice (fails in CI), like {@link BrowserTest}.
 */
class ForYouBrowserTest {
    static final String PUBLIC = "http://paperwire.test";
    static final String READER = "reader@example.org";
    static final Pattern SIGN_IN_LINK = Pattern.compile(Pattern.quote(PUBLIC) + "/sign-in/link\\?t=[A-Za-z0-9_-]+");

    @TempDir
    static Path dir;
    @TempDir
    static Path profile;
    static GreenMail smtp;
    static Paperwire app;
    static WebServer web;
    static String base;
    static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        BrowserTest.requireChromium();
        Path listing = SharedData.path("arxiv/daily-arxiv-ai-enhanced/data").resolve("2026-06-30.jsonl.gz");
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        app = new Paperwire(TestConfigs.from(TestServer.mailingTo(ConfigSources.defaults()
                .with(ConfigKey.DATA_DIR, dir.toString())
                .with(ConfigKey.PUBLIC_URL, PUBLIC)
                .with(ConfigKey.SEARCH_BACKGROUND_EMBEDDING, "false"), smtp.getSmtp().getPort())),
                Clock.fixed(Instant.parse("2026-06-30T18:00:00Z"), ZoneOffset.UTC));
        app.bulkImporter().importFiles(List.of(listing), ImportOptions.detect(), ImportProgress.NONE);
        app.search().follower().catchUp();
        app.search().embeddings().drain(); // the recommender scores papers by their embeddings
        app.search().follower().catchUp();
        app.subscriptions().add(READER, List.of(), true);
        web = WebApp.create(app);
        base = "http://127.0.0.1:" + web.start(0);
        browser = BrowserTest.chromium(profile);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (web != null) {
            web.close();
        }
        if (app != null) {
            app.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    static WebDriverWait waiting() {
        return new WebDriverWait(browser, BrowserTest.WAIT);
    }

    /** The newest sign-in link mailed to the reader, pointed at the test server. */
    static String signInLink() throws Exception {
        app.digests().sendMails();
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).as("a sign-in mail").isNotEmpty();
        String text = (String) ((MimeMultipart) mails[mails.length - 1].getContent()).getBodyPart(0).getContent();
        Matcher m = SIGN_IN_LINK.matcher(text);
        assertThat(m.find()).as("a sign-in link in:\n" + text).isTrue();
        return base + m.group().substring(PUBLIC.length());
    }

    /** The papers {@code /for-you} recommends, in its order: the paper field of each rating form. */
    static List<String> recommended() {
        browser.get(base + "/for-you");
        return browser.findElements(By.cssSelector("form.rate-form input[name=paper]")).stream()
                .map(i -> i.getAttribute("value")).toList();
    }

    @Test
    void aReaderSignsInSavesAPaperRatesARecommendationAndSeesForYouChange() throws Exception {
        browser.get(base + "/sign-in");
        browser.findElement(By.cssSelector("form.notice-form input[name=email]")).sendKeys(READER);
        browser.findElement(By.cssSelector("form.notice-form button[type=submit]")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "inbox"));

        browser.get(signInLink());
        assertThat(browser.manage().getCookieNamed(ReaderSessions.COOKIE)).as("opening the link signs nobody in").isNull();
        browser.findElement(By.cssSelector("form.notice-form button[type=submit]")).click();
        waiting().until(d -> d.manage().getCookieNamed(ReaderSessions.COOKIE) != null);

        // save the best match of a clear interest from its page
        browser.get(base + "/search?q=video+diffusion&mode=keyword");
        String paperUrl = browser.findElements(By.cssSelector("ol.results .paper-title")).get(0).getAttribute("href");
        String saved = paperUrl.substring(paperUrl.lastIndexOf("/papers/") + "/papers/".length());
        browser.get(paperUrl);
        browser.findElement(By.cssSelector("form.save-form button[type=submit]")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("form.save-form button"), "Saved"));

        List<String> before = recommended();
        assertThat(before).as("recommendations from a one-paper library").isNotEmpty().doesNotContain(saved);

        String rated = before.get(0);
        WebElement first = browser.findElements(By.cssSelector("form.rate-form")).get(0);
        first.findElement(By.cssSelector("button.rate.less")).click(); // "Not for me"
        waiting().until(ExpectedConditions.urlContains("/for-you"));

        List<String> after = recommended();
        assertThat(after).as("/for-you after rating %s \"Not for me\"", rated).doesNotContain(rated).isNotEqualTo(before);
        assertThat(app.library().savedOrRated(app.subscribers().findByEmail(READER).orElseThrow().id()))
                .contains(saved, rated);
    }
}
