package org.paperwire.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.config.TestConfigs;
import org.paperwire.app.Paperwire;
import org.paperwire.app.WebApp;
import org.paperwire.config.ConfigKey;
import org.paperwire.config.PaperwireConfig;
import org.paperwire.web.WebServer;

/**
 * Issue 9, finding 3: a subscribe request for a known address must not wait for the SMTP server (else its timing
 * tells known addresses from unknown ones). The SMTP server here holds every message until the test lets it
 * answer; the request is answered while the server still holds the mail, and the mail sender, woken when the mail
 * is queued (its poll is an hour here), delivers it.
 */
class QueuedMailTest {
    @TempDir
    Path dir;

    @Test
    void aKnownAddressIsAnsweredBeforeTheSmtpServerAnswersAndTheSenderDeliversTheMailAtOnce() throws Exception {
        try (HeldSmtpServer smtp = new HeldSmtpServer()) {
            PaperwireConfig config = TestConfigs.from(smtp.settings(dir)
                    .with(ConfigKey.PUBLIC_URL, "https://papers.example.org"));
            Paperwire app = new Paperwire(config, new MutableClock(Instant.parse("2026-06-30T10:00:00Z")));
            WebServer web = WebApp.create(app);
            DigestScheduler sender = new DigestScheduler(app.digests(), Duration.ofHours(1), app.mailQueued(),
                    Duration.ofHours(1), Duration.ofSeconds(30));
            try {
                app.subscriptions().add("ada@example.org", List.of(), true); // known and active: gets a manage link
                int port = web.start(0);
                sender.start(false);

                CompletableFuture<HttpResponse<String>> request = HttpClient.newHttpClient().sendAsync(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/subscriptions"))
                                .POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"ada@example.org\"}"))
                                .header("Content-Type", "application/json").build(),
                        HttpResponse.BodyHandlers.ofString());
                // before the fix the request itself waited for the server, which answers only after this line
                HttpResponse<String> response = request.get(30, TimeUnit.SECONDS);
                assertThat(response.statusCode()).isEqualTo(202);
                assertThat(smtp.answered()).as("the SMTP server has not answered yet").isFalse();
                assertThat(app.mailOutbox().counts()).as("queued, not sent").doesNotContainKey("sent")
                        .containsAnyOf(Map.entry("due", 1L), Map.entry("in_flight", 1L));

                assertThat(smtp.awaitArrival()).as("the woken sender hands it over at once").isTrue();
                smtp.answer();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (!app.mailOutbox().counts().containsKey("sent") && System.nanoTime() < deadline) {
                    Thread.sleep(10); // waits for a condition, not for time
                }
                assertThat(app.mailOutbox().counts()).containsExactly(Map.entry("sent", 1L));
                assertThat(smtp.received()).singleElement().asString().contains("Subject: Your Paperwire settings link")
                        .contains("To: ada@example.org");
            } finally {
                smtp.answer();
                sender.close();
                web.close();
                app.close();
            }
        }
    }
}
