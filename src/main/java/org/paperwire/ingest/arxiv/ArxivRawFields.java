package org.paperwire.ingest.arxiv;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.paperwire.paper.ArxivId;
import org.paperwire.paper.Paper;

/**
 * An OAI-PMH {@code arXivRaw} record. It lists every version with its submission date (RFC 1123, e.g.
 * {@code Mon, 2 Apr 2007 19:18:42 GMT}): version 1's date is the submission date, the newest one the last
 * update. The OAI datestamp is deliberately not used: it says when the metadata last changed.
 */
final class ArxivRawFields implements MetadataFields {
    private String id;
    private final List<String> versionDates = new ArrayList<>();
    private String title;
    private String authors;
    private String categories;
    private String comments;
    private String journalRef;
    private String doi;
    private String abstractText;

    @Override
    public void end(String path, String text) {
        switch (path) {
            case "arXivRaw/id" -> id = text.strip();
            case "arXivRaw/version/date" -> versionDates.add(text.strip());
            case "arXivRaw/title" -> title = text;
            case "arXivRaw/authors" -> authors = text;
            case "arXivRaw/categories" -> categories = text;
            case "arXivRaw/comments" -> comments = text;
            case "arXivRaw/journal-ref" -> journalRef = text;
            case "arXivRaw/doi" -> doi = text;
            case "arXivRaw/abstract" -> abstractText = text;
            default -> { }
        }
    }

    @Override
    public Paper toPaper() {
        List<Instant> dates = versionDates.stream()
                .map(d -> ZonedDateTime.parse(d, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant())
                .sorted().toList();
        return new Paper(
                ArxivId.parseOrThrow(MetadataFields.required(id, "id")).id(),
                dates.size(),
                ArxivText.collapse(MetadataFields.required(title, "title")),
                ArxivText.collapse(abstractText),
                ArxivText.authors(authors),
                categories == null ? List.of() : Arrays.asList(categories.strip().split("\\s+")),
                ArxivText.collapse(comments),
                ArxivText.collapse(journalRef),
                ArxivText.collapse(doi),
                dates.isEmpty() ? null : dates.getFirst(),
                dates.isEmpty() ? null : dates.getLast(),
                null);
    }
}
