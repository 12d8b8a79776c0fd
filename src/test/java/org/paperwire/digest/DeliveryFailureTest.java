package org.paperwire.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.app.Paperwire;
import org.paperwire.config.ConfigKey;
import org.paperwire.config.ConfigSources;
import org.paperwire.config.PaperwireConfig;
import org.paperwire.config.TestConfigs;
import org.paperwire.mail.SmtpSink;
import org.paperwire.subscription.Preferences;
import org.paperwire.subscription.Subscriber;
import org.paperwire.subscription.Topic;

/**
 * SMTP failures against a real SMTP server that answers RCPT with 4xx or 5xx: temporary ones retry with
 * exponential backoff on the injected clock, permanent ones are recorded for the operator, and a refused
 * connection counts as temporary.
 */
class DeliveryFailureTest {
    @TempDir
    Path dir;

    @Test
    void temporaryFailuresRetryWithBackoffAndPermanentOnesAreRecorded() throws Exception {
        AtomicBoolean busy = new AtomicBoolean(true);
        try (SmtpSink sink = new SmtpSink(Duration.ZERO, null, rcpt -> rcpt.contains("gone@")
                ? "550 5.1.1 no such user" : rcpt.contains("busy@") && busy.get() ? "451 4.3.0 try again later" : "250 ok")) {
            MutableClock clock = new MutableClock(Instant.parse("2026-06-30T12:00:00Z"));
            PaperwireConfig config = TestConfigs.from(ConfigSources.defaults()
                    .with(ConfigKey.DATA_DIR, dir.toString())
                    .with(ConfigKey.SMTP_HOST, "127.0.0.1").with(ConfigKey.SMTP_PORT, Integer.toString(sink.port()))
                    .with(ConfigKey.SMTP_SECURITY, "none").with(ConfigKey.DIGEST_RETRY_DELAY, "PT2M"));
            try (Paperwire app = new Paperwire(config, clock)) {
                Preferences prefs = new Preferences(Preferences.Frequency.DAILY, DayOfWeek.MONDAY, 7,
                        ZoneOffset.UTC, false, 20);
                for (String email : List.of("ok@example.org", "busy@example.org", "gone@example.org")) {
                    app.subscribers().create(email, Subscriber.Status.ACTIVE, prefs,
                            List.of(Topic.of(Topic.Kind.TRENDING, "")), clock.instant().minus(Duration.ofDays(1)));
                }
                DigestRunner.Report first = app.digests().run(new DigestRunner.Options(false, true, null));
                assertThat(first.due()).isEqualTo(3);
                assertThat(first.sent()).isEqualTo(1);
                assertThat(first.failed()).isEqualTo(1);
                assertThat(first.retrying()).isEqualTo(1);
                assertThat(app.digestOutbox().failures(10)).singleElement().satisfies(f -> {
                    assertThat(f.recipient()).isEqualTo("gone@example.org");
                    assertThat(f.error()).contains("550");
                });

                // before the backoff has passed nothing is tried; after 2 minutes the second attempt fails again
                clock.advance(Duration.ofMinutes(1));
                assertThat(app.digests().run(DigestRunner.Options.scheduled()).retrying()).isZero();
                clock.advance(Duration.ofMinutes(1));
                assertThat(app.digests().run(DigestRunner.Options.scheduled()).retrying()).isEqualTo(1);
                // the third attempt waits twice as long (4 minutes)
                busy.set(false);
                clock.advance(Duration.ofMinutes(3));
                assertThat(app.digests().run(DigestRunner.Options.scheduled()).sent()).isZero();
                clock.advance(Duration.ofMinutes(1));
                assertThat(app.digests().run(DigestRunner.Options.scheduled()).sent()).isEqualTo(1);
                assertThat(app.digestOutbox().counts()).containsEntry(DigestOutbox.State.SENT, 2L)
                        .containsEntry(DigestOutbox.State.FAILED, 1L);
                assertThat(sink.accepted()).isEqualTo(2);
            }
        }
    }

    @Test
    void aRefusedConnectionIsTemporary(@TempDir Path other) throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort(); // closed again at once: connecting is refused
        }
        PaperwireConfig config = TestConfigs.from(ConfigSources.defaults()
                .with(ConfigKey.DATA_DIR, other.toString())
                .with(ConfigKey.SMTP_HOST, "127.0.0.1").with(ConfigKey.SMTP_PORT, Integer.toString(closedPort))
                .with(ConfigKey.SMTP_SECURITY, "none"));
        try (Paperwire app = new Paperwire(config, Clock.fixed(Instant.parse("2026-06-30T12:00:00Z"),
                ZoneOffset.UTC))) {
            app.subscribers().create("ok@example.org", Subscriber.Status.ACTIVE,
                    new Preferences(Preferences.Frequency.DAILY, DayOfWeek.MONDAY, 7, ZoneOffset.UTC, false, 20),
                    List.of(Topic.of(Topic.Kind.TRENDING, "")), Instant.parse("2026-06-29T00:00:00Z"));
            DigestRunner.Report r = app.digests().run(new DigestRunner.Options(false, true, null));
            assertThat(r.retrying()).isEqualTo(1);
            assertThat(r.failed()).isZero();
        }
    }
}
