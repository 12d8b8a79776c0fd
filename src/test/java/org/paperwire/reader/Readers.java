package org.paperwire.reader;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paperwire.web.TestServer;

/** Signing a reader in through the real pages and a real SMTP server, for the reader's integration tests. */
public final class Readers {
    public static final String PUBLIC = "https://papers.example.org";
    private static final Pattern LINK = Pattern.compile(Pattern.quote(PUBLIC) + "/sign-in/link\\?t=([A-Za-z0-9_-]+)");

    private final TestServer server;
    private final GreenMail smtp;

    public Readers(TestServer server, GreenMail smtp) {
        this.server = server;
        this.smtp = smtp;
    }

    /** Adds {@code email} as a confirmed subscriber. */
    public void subscribe(String email) {
        server.app().subscriptions().add(email, List.of(), true);
    }

    /** Asks for a sign-in link from {@code browser}'s sign-in page; returns the answer. */
    public HttpResponse<String> askForLink(Browser browser, String email) throws Exception {
        browser.get("/sign-in");
        return browser.post("/sign-in", "csrf", browser.csrf(), "email", email);
    }

    /** The token of the newest sign-in mail to {@code email}, after the sender has sent what was queued. */
    public String lastLinkTo(String email) throws Exception {
        server.app().digests().sendMails();
        MimeMessage last = null;
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(email) && m.getSubject().contains("Sign in")) {
                last = m;
            }
        }
        assertThat(last).as("a sign-in mail to " + email).isNotNull();
        String text = (String) ((MimeMultipart) last.getContent()).getBodyPart(0).getContent();
        Matcher m = LINK.matcher(text);
        assertThat(m.find()).as("a sign-in link in:\n" + text).isTrue();
        return m.group(1);
    }

    /** Opens the link's page and presses its button; returns the button's answer. */
    public HttpResponse<String> useLink(Browser browser, String token) throws Exception {
        HttpResponse<String> page = browser.get("/sign-in/link?t=" + token);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return browser.post("/sign-in/link", "t", token, "csrf", browser.csrf());
    }

    /** Subscribes {@code email} and signs {@code browser} in as it. */
    public Browser signIn(Browser browser, String email) throws Exception {
        subscribe(email);
        askForLink(browser, email);
        HttpResponse<String> done = useLink(browser, lastLinkTo(email));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
        assertThat(browser.cookie(ReaderSessions.COOKIE)).isNotNull();
        return browser;
    }
}
