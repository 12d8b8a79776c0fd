package org.paperwire.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.app.Paperwire;
import org.paperwire.config.ConfigKey;
import org.paperwire.config.ConfigSources;
import org.paperwire.config.PaperwireConfig;
import org.paperwire.config.TestConfigs;
import org.paperwire.subscription.DigestPeriod;
import org.paperwire.subscription.DigestSchedule;
import org.paperwire.subscription.Preferences;
import org.paperwire.subscription.Preferences.Frequency;
import org.paperwire.subscription.Subscriber;
import org.paperwire.subscription.Topic;

/** Delivery slots in the subscriber's time zone, across both daylight-saving changes, with a fixed clock. */
class DigestScheduleTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static Preferences daily(int hour) {
        return new Preferences(Frequency.DAILY, DayOfWeek.MONDAY, hour, BERLIN, false, 20);
    }

    @Test
    void anHourSkippedBySpringForwardDeliversAtTheFirstHourThatExists() {
        // 2026-03-29: 02:00 CET jumps to 03:00 CEST (01:00 UTC)
        assertThat(DigestSchedule.current(daily(2), Instant.parse("2026-03-29T00:59:59Z")).orElseThrow().key())
                .isEqualTo("2026-03-28");
        DigestPeriod spring = DigestSchedule.current(daily(2), Instant.parse("2026-03-29T01:00:00Z")).orElseThrow();
        assertThat(spring.key()).isEqualTo("2026-03-29");
        assertThat(spring.scheduledAt()).isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
    }

    @Test
    void anHourThatHappensTwiceAtFallBackDeliversOnceAtTheFirst() {
        // 2026-10-25: 02:00-03:00 happens twice, first CEST (00:00 UTC), then CET (01:00 UTC)
        DigestPeriod first = DigestSchedule.current(daily(2), Instant.parse("2026-10-25T00:00:00Z")).orElseThrow();
        assertThat(first.key()).isEqualTo("2026-10-25");
        assertThat(first.scheduledAt()).isEqualTo(Instant.parse("2026-10-25T00:00:00Z"));
        assertThat(DigestSchedule.current(daily(2), Instant.parse("2026-10-25T01:30:00Z")).orElseThrow())
                .isEqualTo(first);
    }

    @Test
    void weeklyDigestsFallOnTheChosenWeekdayAndPausedOnesNever() {
        Preferences weekly = new Preferences(Frequency.WEEKLY, DayOfWeek.FRIDAY, 7, BERLIN, false, 20);
        DigestPeriod p = DigestSchedule.current(weekly, Instant.parse("2026-03-31T12:00:00Z")).orElseThrow();
        assertThat(p.localDate().getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(p.key()).isEqualTo("2026-03-27/weekly");
        assertThat(DigestSchedule.next(weekly, Instant.parse("2026-03-31T12:00:00Z")).orElseThrow().key())
                .isEqualTo("2026-04-03/weekly");
        Preferences paused = new Preferences(Frequency.PAUSED, DayOfWeek.FRIDAY, 7, BERLIN, false, 20);
        assertThat(DigestSchedule.current(paused, Instant.parse("2026-03-31T12:00:00Z"))).isEmpty();
    }

    @Test
    void theSchedulerSendsOneDigestPerLocalDayAtSevenAcrossSpringForwardAndCatchesUpOnceAfterDowntime(
            @TempDir Path dir) {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-26T12:00:00Z"));
        PaperwireConfig config = TestConfigs.from(ConfigSources.defaults().with(ConfigKey.DATA_DIR, dir.toString())
                .with(ConfigKey.PUBLIC_URL, "https://papers.example.org"));
        try (Paperwire app = new Paperwire(config, clock)) {
            Subscriber s = app.subscribers().create("ada@example.org", Subscriber.Status.ACTIVE, daily(7),
                    List.of(Topic.of(Topic.Kind.TRENDING, "")), clock.instant()).subscriber();
            DigestScheduler scheduler = new DigestScheduler(app.digests(), Duration.ofMinutes(1), app.mailQueued(),
                    Duration.ofSeconds(5), Duration.ofSeconds(5));
            List<Instant> sentAt = new ArrayList<>();
            // a tick every 10 minutes from Thursday noon to Tuesday morning (the clocks go forward on Sunday)
            while (clock.instant().isBefore(Instant.parse("2026-03-31T04:00:00Z"))) {
                DigestRunner.Report r = app.digests().run(DigestRunner.Options.scheduled());
                for (int i = 0; i < r.sent(); i++) {
                    sentAt.add(clock.instant());
                }
                scheduler.tick(); // the scheduler's own tick finds nothing more to do
                clock.advance(Duration.ofMinutes(10));
            }
            assertThat(sentAt).containsExactly(
                    Instant.parse("2026-03-27T06:00:00Z"), // 07:00 CET
                    Instant.parse("2026-03-28T06:00:00Z"),
                    Instant.parse("2026-03-29T05:00:00Z"), // 07:00 CEST
                    Instant.parse("2026-03-30T05:00:00Z"));

            // down from Tuesday 06:00 until Friday noon: one digest for Friday, not one per missed day
            clock.set(Instant.parse("2026-04-03T10:00:00Z"));
            DigestRunner.Report catchUp = app.digests().run(DigestRunner.Options.scheduled());
            assertThat(catchUp.sent()).isEqualTo(1);
            assertThat(app.digestOutbox().periodsSince(Instant.EPOCH).get(s.id())).containsExactlyInAnyOrder(
                    "2026-03-27", "2026-03-28", "2026-03-29", "2026-03-30", "2026-04-03");
            assertThat(app.digests().run(DigestRunner.Options.scheduled()).due()).isZero();
        }
    }

    @Test
    void backoffDoublesFromTheConfiguredDelayUpToSixHours() {
        assertThat(DigestRunner.backoff(Duration.ofMinutes(2)).delayAfter(1)).isEqualTo(Duration.ofMinutes(2));
        assertThat(DigestRunner.backoff(Duration.ofMinutes(2)).delayAfter(3)).isEqualTo(Duration.ofMinutes(8));
        assertThat(DigestRunner.backoff(Duration.ofMinutes(2)).delayAfter(30)).isEqualTo(Duration.ofHours(6));
    }
}
