package org.paperwire.paper;

import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Function;

/**
 * The day every {@link DateWindow} ends at: the newest listing day that has papers, on or before today (UTC);
 * today when the store has none. Once today's listing is harvested that is today; when harvesting lags (a
 * weekend, a paused instance, the hours before the next announcement) windows end at the latest papers rather
 * than at empty days. It is one day for the whole store, whatever category is being looked at.
 */
public final class ReferenceDay {
    private final InstantSource clock;
    private final Function<LocalDate, Optional<LocalDate>> newestDayNotAfter;

    /** @param newestDayNotAfter the newest day with papers on or before the given day, if any */
    public ReferenceDay(InstantSource clock, Function<LocalDate, Optional<LocalDate>> newestDayNotAfter) {
        this.clock = clock;
        this.newestDayNotAfter = newestDayNotAfter;
    }

    /** The reference day of {@code papers} as the clock reads now. */
    public static ReferenceDay of(PaperStore papers, InstantSource clock) {
        return new ReferenceDay(clock, papers::newestDay);
    }

    /** Today in UTC, by the clock. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    public LocalDate get() {
        LocalDate today = today();
        return newestDayNotAfter.apply(today).orElse(today);
    }
}
