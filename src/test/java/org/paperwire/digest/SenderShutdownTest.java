package org.paperwire.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.app.Paperwire;
import org.paperwire.config.PaperwireConfig;
import org.paperwire.config.TestConfigs;
import org.paperwire.subscription.Preferences;
import org.paperwire.subscription.Subscriber;
import org.paperwire.subscription.Topic;

/**
 * Issue 9, finding 6: shutting down while a digest is being sent waits for that send and records it before the
 * database closes. The SMTP server holds the message until the test sees the shutdown waiting; before the fix
 * the database closed under the send, the row stayed in flight and the digest went out again at the next start.
 */
class SenderShutdownTest {
    @TempDir
    Path dir;

    @Test
    void closingTheAppWaitsForTheSendUnderWayAndRecordsItBeforeTheDatabaseCloses() throws Exception {
        try (HeldSmtpServer smtp = new HeldSmtpServer()) {
            PaperwireConfig config = TestConfigs.from(smtp.settings(dir));
            MutableClock clock = new MutableClock(Instant.parse("2026-06-30T10:00:00Z"));
            Paperwire app = new Paperwire(config, clock);
            Thread closer = new Thread(app::close, "closer");
            try {
                app.subscribers().create("ada@example.org", Subscriber.Status.ACTIVE,
                        new Preferences(Preferences.Frequency.DAILY, DayOfWeek.MONDAY, 7, ZoneOffset.UTC, false, 20),
                        List.of(Topic.of(Topic.Kind.TRENDING, "")), clock.instant().minus(Duration.ofDays(1)));
                CompletableFuture<DigestRunner.Report> run = CompletableFuture.supplyAsync(
                        () -> app.digests().run(new DigestRunner.Options(false, true, null)));
                assertThat(smtp.awaitArrival()).as("the server has the message").isTrue();

                closer.start(); // SIGTERM in serve ends here too
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (closer.getState() != Thread.State.TIMED_WAITING && closer.isAlive()
                        && System.nanoTime() < deadline) {
                    Thread.sleep(5); // until the shutdown waits (or, before the fix, has closed everything)
                }
                smtp.answer(); // now the server says 250
                closer.join(TimeUnit.SECONDS.toMillis(60));
                assertThat(closer.isAlive()).isFalse();
                assertThat(run.get(30, TimeUnit.SECONDS).sent()).isEqualTo(1);
            } finally {
                smtp.answer();
                if (!closer.isAlive() && closer.getState() == Thread.State.NEW) {
                    app.close();
                }
            }
            try (Paperwire again = new Paperwire(config, clock)) {
                assertThat(again.digestOutbox().counts()).containsEntry(DigestOutbox.State.SENT, 1L)
                        .containsEntry(DigestOutbox.State.IN_FLIGHT, 0L);
                again.digests().run(DigestRunner.Options.scheduled());
            }
            assertThat(smtp.accepted()).as("never sent twice").isEqualTo(1);
        }
    }
}
