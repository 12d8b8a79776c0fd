package org.paperwire.subscription;

import java.time.DayOfWeek;
import java.time.ZoneId;

/**
 * When and how much a subscriber gets.
 *
 * @param weekday the delivery day of a weekly digest (ignored for daily)
 * @param hour delivery hour, 0 to 23, in {@code zone}
 * @param skipEmpty send nothing on a day without new matches
 * @param maxPerEmail papers in one digest at most, across all topics
 */
public record Preferences(Frequency frequency, DayOfWeek weekday, int hour, ZoneId zone, boolean skipEmpty,
        int maxPerEmail) {
    public static final int MAX_PER_EMAIL = 100;

    /** How often a digest goes out. */
    public enum Frequency { DAILY, WEEKLY, PAUSED }

    public Preferences {
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("delivery hour must be 0 to 23, not " + hour);
        }
        if (maxPerEmail < 1 || maxPerEmail > MAX_PER_EMAIL) {
            throw new IllegalArgumentException("papers per email must be 1 to " + MAX_PER_EMAIL + ", not " + maxPerEmail);
        }
    }

    public static Preferences defaults(int hour, ZoneId zone) {
        return new Preferences(Frequency.DAILY, DayOfWeek.MONDAY, hour, zone, true, 20);
    }
}
