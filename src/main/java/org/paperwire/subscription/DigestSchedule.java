package org.paperwire.subscription;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.paperwire.subscription.Preferences.Frequency;

/**
 * When digests are due, in the subscriber's time zone. Each local delivery day has exactly one delivery instant
 * ({@link ZonedDateTime#of} moves an hour that a daylight-saving jump skips forward, and takes the earlier of
 * an hour that happens twice), so a DST change neither skips nor doubles a digest. Only the latest slot that
 * has begun counts: after downtime a subscriber gets one digest, not one per missed day.
 */
public final class DigestSchedule {
    private DigestSchedule() {}

    /** The latest delivery slot at or before {@code now}; empty when paused. */
    public static Optional<DigestPeriod> current(Preferences p, Instant now) {
        if (p.frequency() == Frequency.PAUSED) {
            return Optional.empty();
        }
        LocalDate day = now.atZone(p.zone()).toLocalDate();
        for (int i = 0; i <= 8; i++, day = day.minusDays(1)) {
            Optional<DigestPeriod> slot = slot(p, day);
            if (slot.isPresent() && !slot.get().scheduledAt().isAfter(now)) {
                return slot;
            }
        }
        return Optional.empty();
    }

    /** The first delivery slot after {@code now}; empty when paused. */
    public static Optional<DigestPeriod> next(Preferences p, Instant now) {
        if (p.frequency() == Frequency.PAUSED) {
            return Optional.empty();
        }
        LocalDate day = now.atZone(p.zone()).toLocalDate();
        for (int i = 0; i <= 8; i++, day = day.plusDays(1)) {
            Optional<DigestPeriod> slot = slot(p, day);
            if (slot.isPresent() && slot.get().scheduledAt().isAfter(now)) {
                return slot;
            }
        }
        return Optional.empty();
    }

    private static Optional<DigestPeriod> slot(Preferences p, LocalDate day) {
        boolean weekly = p.frequency() == Frequency.WEEKLY;
        if (weekly && day.getDayOfWeek() != p.weekday()) {
            return Optional.empty();
        }
        Instant at = ZonedDateTime.of(day, LocalTime.of(p.hour(), 0), p.zone()).toInstant();
        return Optional.of(new DigestPeriod(weekly ? day + "/weekly" : day.toString(), day, at));
    }
}
