package org.paperwire.subscription;

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
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.app.Paperwire;
import org.paperwire.config.ConfigKey;
import org.paperwire.digest.MutableClock;
import org.paperwire.web.TestServer;

/**
 * Issue 9, finding 1, reproduced through the real web server and a real SMTP server: alice subscribes, the operator
 * removes her, a victim subscribes; alice's old links must change nothing and say they are no longer valid. Before
 * the fix the victim got alice's id and her confirm link confirmed the victim and handed out the victim's manage link.
 */
class RemovedSubscriberLinksTest {
    static final String PUBLIC = "https://papers.example.org";
    static final Pattern CONFIRM_LINK = Pattern.compile(Pattern.quote(PUBLIC) + "/subscription/confirm\\?t=([A-Za-z0-9._-]+)");
    static final String NO_LONGER_VALID = "this link is no longer valid";

    @TempDir
    Path dir;
    GreenMail smtp;
    TestServer server;
    Paperwire app;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        server = TestServer.start(TestServer.mailingTo(TestServer.settings(dir)
                .with(ConfigKey.PUBLIC_URL, PUBLIC), smtp.getSmtp().getPort()),
                new MutableClock(Instant.parse("2026-06-30T10:00:00Z")), app -> {});
        app = server.app();
    }

    @AfterEach
    void stop() {
        server.close();
        smtp.stop();
    }

    /** Alice's three kinds of link, as her mails and the confirm redirect gave them to her. */
    record Links(String confirm, String manage, String unsubscribe) {}

    @Test
    void aRemovedSubscribersLinksChangeNothingForTheNextSubscriber() throws Exception {
        Links alice = subscribeConfirmAndRemove("alice@example.org");
        assertThat(subscribe("{\"email\": \"victim@example.org\", \"categories\": [\"cs.CL\"]}")).isEqualTo(202);
        Subscriber victim = app.subscribers().findByEmail("victim@example.org").orElseThrow();

        assertNoLongerValid(get("/subscription/confirm?t=" + alice.confirm()));
        HttpResponse<String> confirm = post("/subscription/confirm", "t=" + alice.confirm());
        assertNoLongerValid(confirm);
        assertThat(confirm.headers().firstValue("Location")).as("no manage link handed out").isEmpty();
        assertNoLongerValid(get("/subscription/manage?t=" + alice.manage()));
        assertNoLongerValid(post("/subscription/manage", "t=" + alice.manage()
                + "&frequency=daily&weekday=1&hour=3&zone=UTC&max=50&kind=author&value=Eve&cap=5"));
        assertNoLongerValid(get("/digest/preview?t=" + alice.manage()));
        assertNoLongerValid(get("/subscription/unsubscribe?t=" + alice.unsubscribe()));
        assertNoLongerValid(post("/subscription/unsubscribe?t=" + alice.unsubscribe(), "List-Unsubscribe=One-Click"));
        assertNoLongerValid(post("/subscription/unsubscribe", "t=" + alice.manage()));

        assertThat(app.subscribers().findByEmail("victim@example.org")).as("the victim, untouched").hasValue(victim);
        assertThat(victim.status()).isEqualTo(Subscriber.Status.PENDING);
        assertThat(victim.topics()).extracting(Topic::label).containsExactly("trending in cs.CL");
        // and the victim's own link still works
        assertThat(post("/subscription/confirm", "t=" + confirmToken(lastMailTo("victim@example.org"))).statusCode())
                .isEqualTo(303);
        assertThat(app.subscribers().findByEmail("victim@example.org").orElseThrow().active()).isTrue();
    }

    @Test
    void theNextSubscriberGetsANewIdNotTheRemovedOne() throws Exception {
        assertThat(subscribe("{\"email\": \"alice@example.org\"}")).isEqualTo(202);
        long alice = app.subscribers().findByEmail("alice@example.org").orElseThrow().id();
        app.subscribers().remove(alice);
        assertThat(subscribe("{\"email\": \"victim@example.org\"}")).isEqualTo(202);
        assertThat(app.subscribers().findByEmail("victim@example.org").orElseThrow().id()).isGreaterThan(alice);
    }

    @Test
    void aReCreatedSubscribersOldLinksAreNoLongerValidAndItsNewOnesWork() throws Exception {
        Links old = subscribeConfirmAndRemove("alice@example.org");
        assertThat(subscribe("{\"email\": \"alice@example.org\"}")).isEqualTo(202);

        assertNoLongerValid(post("/subscription/confirm", "t=" + old.confirm()));
        assertNoLongerValid(get("/subscription/manage?t=" + old.manage()));
        assertNoLongerValid(post("/subscription/unsubscribe?t=" + old.unsubscribe(), "List-Unsubscribe=One-Click"));
        assertThat(app.subscribers().findByEmail("alice@example.org").orElseThrow().status())
                .isEqualTo(Subscriber.Status.PENDING);

        assertThat(post("/subscription/confirm", "t=" + confirmToken(lastMailTo("alice@example.org"))).statusCode())
                .isEqualTo(303);
    }

    /** Alice subscribes, confirms (keeping her manage link), has a digest's unsubscribe link, then is removed. */
    Links subscribeConfirmAndRemove(String email) throws Exception {
        assertThat(subscribe("{\"email\": \"" + email + "\"}")).isEqualTo(202);
        String confirm = confirmToken(lastMailTo(email));
        HttpResponse<String> confirmed = post("/subscription/confirm", "t=" + confirm);
        assertThat(confirmed.statusCode()).isEqualTo(303);
        String location = confirmed.headers().firstValue("Location").orElseThrow();
        Matcher manage = Pattern.compile("t=([A-Za-z0-9._-]+)").matcher(location);
        assertThat(manage.find()).isTrue();
        Subscriber s = app.subscribers().findByEmail(email).orElseThrow();
        String unsubscribe = app.links().unsubscribe(s); // the link every digest to her carries
        // the operator: paperwire subscribers remove EMAIL
        assertThat(app.subscribers().remove(s.id())).isTrue();
        return new Links(confirm, manage.group(1), unsubscribe.substring(unsubscribe.indexOf("t=") + 2));
    }

    void assertNoLongerValid(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(400);
        assertThat(response.body()).as(response.uri().toString()).contains(NO_LONGER_VALID)
                .doesNotContain("victim@example.org");
    }

    MimeMessage lastMailTo(String email) throws Exception {
        app.digests().sendMails(); // what serve's mail sender does as soon as a mail is queued
        MimeMessage last = null;
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(email)) {
                last = m;
            }
        }
        assertThat(last).as("a mail to " + email).isNotNull();
        return last;
    }

    static String confirmToken(MimeMessage mail) throws Exception {
        String text = (String) ((MimeMultipart) mail.getContent()).getBodyPart(0).getContent();
        Matcher m = CONFIRM_LINK.matcher(text);
        assertThat(m.find()).as("a confirm link in:\n" + text).isTrue();
        return m.group(1);
    }

    int subscribe(String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url("/api/v1/subscriptions")))
                .POST(HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url(path))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url(path)))
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .header("Content-Type", "application/x-www-form-urlencoded").build(), HttpResponse.BodyHandlers.ofString());
    }
}
