package org.paperwire.paper;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The one meaning of "today", "week", "month" and "year" everywhere (trending tabs, the search form's
 * {@code window=}, the query syntax's {@code since:}, digests): the last {@link #days()} calendar days ending at,
 * and including, the {@linkplain ReferenceDay reference day}. The week is therefore the reference day and the six
 * days before it, the month the reference day and the 29 before it.
 */
public enum DateWindow {
    TODAY(1),
    WEEK(7),
    MONTH(30),
    YEAR(365);

    private final int days;

    DateWindow(int days) {
        this.days = days;
    }

    public int days() {
        return days;
    }

    /** The first day of the window that ends at {@code reference}. */
    public LocalDate first(LocalDate reference) {
        return reference.minusDays(days - 1L);
    }

    /** The lower-case name used in URLs, JSON and the query syntax: today, week, month, year. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DateWindow> parse(String slug) {
        return Arrays.stream(values()).filter(w -> w.slug().equals(slug)).findFirst();
    }
}
