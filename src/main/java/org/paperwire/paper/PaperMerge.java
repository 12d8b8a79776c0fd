package org.paperwire.paper;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Decides what the store should hold when a record arrives for a paper it may already know.
 * Rules: an older version never replaces a newer one, nor does a record without a version replace one with a
 * version; the earliest first-submitted date and listing day
 * are kept; fields the incoming source lacks (a listing has no DOI) keep their stored values.
 */
public final class PaperMerge {
    /** The merged paper and what merging did. */
    public record Result(Paper paper, UpsertOutcome outcome) {}

    private PaperMerge() {}

    public static Result merge(Paper stored, Paper incoming) {
        if (stored == null) {
            return new Result(incoming, UpsertOutcome.NEW);
        }
        // version 0 means "the source does not say" (listings, Hugging Face): such a record only fills gaps
        // in a versioned one, so that a daily re-harvest of signals never churns arXiv's own metadata
        boolean stale = incoming.version() < stored.version();
        Paper base = stale ? stored : incoming;
        Paper other = stale ? incoming : stored;
        Paper merged = new Paper(
                stored.id(),
                Math.max(stored.version(), incoming.version()),
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
        return new Result(merged, merged.equals(stored) ? UpsertOutcome.UNCHANGED : UpsertOutcome.UPDATED);
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
