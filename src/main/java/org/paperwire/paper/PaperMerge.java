package org.paperwire.paper;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;

/**
 * Decides what the store should hold when a record arrives for a paper it may already know, so that the
 * result does not depend on the order records arrive in: importing listings forwards, backwards or twice gives
 * the same store (issue 9).
 *
 * <p>Which record's text wins: the higher version; between equal versions (every daily listing is version 0)
 * the record from the later listing day, then the later last-updated time, then, for records that still tie,
 * the greater content (title, abstract, authors, ...) so that even two different records of one day settle
 * the same way every time. The winner's fields are kept; a field it lacks (a listing has no DOI) is filled from
 * the other record. The earliest first-submitted date and listing day and the latest last-updated time are
 * kept whatever wins.
 *
 * <p>The listing day of the record whose text is held is not the paper's {@code listedOn} (that is the
 * earliest), so the store keeps it beside the paper as the <em>content day</em>.
 */
public final class PaperMerge {
    /**
     * The merged paper, the listing day of the record its text came from, and what merging did. The content
     * day may move while the paper stays {@link UpsertOutcome#UNCHANGED} (the same text listed again later).
     */
    public record Result(Paper paper, LocalDate contentDay, UpsertOutcome outcome) {}

    private static final Comparator<String> TEXT = Comparator.nullsFirst(Comparator.naturalOrder());
    /** The last resort between two records of one version, day and update time: their content. */
    private static final Comparator<Paper> CONTENT = Comparator.comparing(Paper::title, TEXT)
            .thenComparing(Paper::abstractText, TEXT)
            .thenComparing(p -> String.join("\n", p.authors()), TEXT)
            .thenComparing(p -> String.join(" ", p.categories()), TEXT)
            .thenComparing(Paper::comment, TEXT)
            .thenComparing(Paper::journalRef, TEXT)
            .thenComparing(Paper::doi, TEXT);

    private PaperMerge() {}

    /**
     * Merges {@code incoming} into {@code stored}.
     *
     * @param stored what the store holds, null when the paper is new
     * @param storedContentDay the listing day of the record {@code stored}'s text came from; null when unknown
     */
    public static Result merge(Paper stored, LocalDate storedContentDay, Paper incoming) {
        if (stored == null) {
            return new Result(incoming, incoming.listedOn(), UpsertOutcome.NEW);
        }
        // version 0 means "the source does not say" (listings, Hugging Face): such a record only fills gaps
        // in a versioned one, so that a daily re-harvest of signals never churns arXiv's own metadata
        boolean incomingWins = incoming.version() != stored.version() ? incoming.version() > stored.version()
                : beats(incoming, incoming.listedOn(), stored, storedContentDay);
        Paper base = incomingWins ? incoming : stored;
        Paper other = incomingWins ? stored : incoming;
        Paper merged = new Paper(
                stored.id(),
                base.version(),
                base.title(),
                base.abstractText().isEmpty() ? other.abstractText() : base.abstractText(),
                base.authors().isEmpty() ? other.authors() : base.authors(),
                base.categories().isEmpty() ? other.categories() : base.categories(),
                orElse(base.comment(), other.comment()),
                orElse(base.journalRef(), other.journalRef()),
                orElse(base.doi(), other.doi()),
                earliest(stored.firstSubmitted(), incoming.firstSubmitted()),
                latest(stored.lastUpdated(), incoming.lastUpdated()),
                earliest(stored.listedOn(), incoming.listedOn()));
        LocalDate contentDay = incomingWins ? incoming.listedOn() : storedContentDay;
        return new Result(merged, contentDay, merged.equals(stored) ? UpsertOutcome.UNCHANGED : UpsertOutcome.UPDATED);
    }

    private static final Comparator<LocalDate> DAYS = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<Instant> TIMES = Comparator.nullsFirst(Comparator.naturalOrder());

    /** Between records of one version: the later listing day, then the later update, then the greater content. */
    private static boolean beats(Paper a, LocalDate aDay, Paper b, LocalDate bDay) {
        int byDay = DAYS.compare(aDay, bDay);
        if (byDay != 0) {
            return byDay > 0;
        }
        int byUpdate = TIMES.compare(a.lastUpdated(), b.lastUpdated());
        if (byUpdate != 0) {
            return byUpdate > 0;
        }
        return CONTENT.compare(a, b) > 0;
    }

    private static String orElse(String preferred, String fallback) {
        return preferred != null ? preferred : fallback;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }
}
