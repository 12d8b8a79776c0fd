package org.paperwire.ingest.arxiv;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.paperwire.paper.ArxivId;
import org.paperwire.paper.Paper;

/**
 * The fields that the OAI-PMH {@code arXiv} and {@code arXivRaw} formats write the same way (id, title,
 * abstract, categories, comments, journal reference, DOI), and the paper built from them; each format adds
 * its own authors, version and dates.
 */
final class SharedFields {
    private String id;
    private String title;
    private String categories;
    private String comments;
    private String journalRef;
    private String doi;
    private String abstractText;

    /** Keeps {@code text} when {@code element} (a direct child of the record) is a shared field; false otherwise. */
    boolean take(String element, String text) {
        switch (element) {
            case "id" -> id = text.strip();
            case "title" -> title = text;
            case "categories" -> categories = text;
            case "comments" -> comments = text;
            case "journal-ref" -> journalRef = text;
            case "doi" -> doi = text;
            case "abstract" -> abstractText = text;
            default -> {
                return false;
            }
        }
        return true;
    }

    /** @see MetadataFields#toPaper() */
    Paper toPaper(int version, List<String> authors, Instant firstSubmitted, Instant lastUpdated) {
        return new Paper(
                ArxivId.parseOrThrow(MetadataFields.required(id, "id")).id(),
                version,
                ArxivText.collapse(MetadataFields.required(title, "title")),
                ArxivText.collapse(abstractText),
                authors,
                categories == null ? List.of() : Arrays.asList(categories.strip().split("\\s+")),
                ArxivText.collapse(comments),
                ArxivText.collapse(journalRef),
                ArxivText.collapse(doi),
                firstSubmitted,
                lastUpdated,
                null);
    }
}
