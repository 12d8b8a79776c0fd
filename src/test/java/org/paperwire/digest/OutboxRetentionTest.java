package org.paperwire.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
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

/** The outbox drops the text of old, finished digests but keeps their rows, so nothing is sent twice. */
class OutboxRetentionTest {
    @TempDir
    Path dir;

    @Test
    void theTextOfDigestsOlderThanKeepMailIsDroppedAndTheirPeriodsAreNeverSentAgain() throws Exception {
        try (SmtpSink sink = new SmtpSink(Duration.ZERO, null, rcpt -> "250 ok")) {
            MutableClock clock = new MutableClock(Instant.parse("2026-06-30T12:00:00Z"));
            PaperwireConfig config = TestConfigs.from(ConfigSources.defaults()
                    .with(ConfigKey.DATA_DIR, dir.toString())
                    .with(ConfigKey.SMTP_HOST, "127.0.0.1").with(ConfigKey.SMTP_PORT, Integer.toString(sink.port()))
                    .with(ConfigKey.SMTP_SECURITY, "none").with(ConfigKey.DIGEST_KEEP_MAIL, "P30D"));
            try (Paperwire app = new Paperwire(config, clock)) {
                Preferences daily = new Preferences(Preferences.Frequency.DAILY, DayOfWeek.MONDAY, 7,
                        ZoneOffset.UTC, false, 20);
                long id = app.subscribers().create("reader@example.org", Subscriber.Status.ACTIVE, daily,
                        List.of(Topic.of(Topic.Kind.TRENDING, "")), clock.instant().minus(Duration.ofDays(1))).subscriber().id();
                assertThat(app.digests().run(DigestRunner.Options.scheduled()).sent()).isEqualTo(1);
                String first = app.digestOutbox().periodsSince(Instant.EPOCH).get(id).iterator().next();
                assertThat(app.digestOutbox().mail(id, first)).hasValueSatisfying(m -> assertThat(m).isNotEmpty());

                clock.advance(Duration.ofDays(29));
                assertThat(app.digests().run(DigestRunner.Options.scheduled()).sent()).isEqualTo(1);
                assertThat(app.digestOutbox().mail(id, first)).as("29 days old: kept")
                        .hasValueSatisfying(m -> assertThat(m).isNotEmpty());

                clock.advance(Duration.ofDays(2));
                DigestRunner.Report later = app.digests().run(DigestRunner.Options.scheduled());

                assertThat(later.sent()).as("only today's digest").isEqualTo(1);
                assertThat(app.digestOutbox().mail(id, first)).as("31 days old: mail dropped, row kept").isEmpty();
                Set<String> periods = app.digestOutbox().periodsSince(Instant.EPOCH).get(id);
                assertThat(periods).hasSize(3).contains(first);
                assertThat(app.digests().run(DigestRunner.Options.scheduled()).sent()).as("a second run sends nothing")
                        .isZero();
                assertThat(sink.accepted()).isEqualTo(3);
            }
        }
    }
}
