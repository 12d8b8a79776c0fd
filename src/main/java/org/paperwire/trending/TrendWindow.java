package org.paperwire.trending;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The time windows trending is shown for, in days ending at the reference day. */
public enum TrendWindow {
    TODAY(1),
    WEEK(7),
    MONTH(30);

    private final int days;

    TrendWindow(int days) {
        this.days = days;
    }

    public int days() {
        return days;
    }

    /** The lower-case name used in URLs and JSON: today, week, month. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TrendWindow> parse(String slug) {
        return Arrays.stream(values()).filter(w -> w.slug().equals(slug)).findFirst();
    }
}
