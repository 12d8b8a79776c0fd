package org.paperwire.paper;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * One paper as Paperwire keeps it. {@code id} is the arXiv id without version ({@code 2406.01234},
 * {@code hep-th/9901001}); evaluation corpora use their own ids. Text fields keep arXiv's raw TeX.
 *
 * @param version current arXiv version, 0 when the source does not say
 * @param categories primary category first
 * @param firstSubmitted when version 1 was submitted, null when the source does not say
 * @param lastUpdated when the newest known version was submitted, null when unknown
 * @param listedOn the first arXiv listing day it was seen in, null when unknown
 */
public record Paper(
        String id,
        int version,
        String title,
        String abstractText,
        List<String> authors,
        List<String> categories,
        String comment,
        String journalRef,
        String doi,
        Instant firstSubmitted,
        Instant lastUpdated,
        LocalDate listedOn) {

    public Paper {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        abstractText = abstractText == null ? "" : abstractText;
        authors = List.copyOf(authors);
        categories = List.copyOf(categories);
    }

    /** The arXiv abstract page. */
    public String absUrl() {
        return "https://arxiv.org/abs/" + id;
    }

    /** The PDF of the current version. */
    public String pdfUrl() {
        return "https://arxiv.org/pdf/" + id + (version > 0 ? "v" + version : "");
    }

    /** The best date to show and sort by: submission, else listing day. */
    public LocalDate date() {
        if (firstSubmitted != null) {
            return LocalDate.ofInstant(firstSubmitted, ZoneOffset.UTC);
        }
        return listedOn;
    }
}
