package org.paperwire.ingest.arxiv;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.paperwire.paper.Paper;

/**
 * An OAI-PMH {@code arXivRaw} record. It lists every version with its submission date (RFC 1123, e.g.
 * {@code Mon, 2 Apr 2007 19:18:42 GMT}): version 1's date is the submission date, the newest one the last
 * update. The OAI datestamp is deliberately not used: it says when the metadata last changed.
 */
final class ArxivRawFields implements MetadataFields {
    private final SharedFields shared = new SharedFields();
    private final List<String> versionDates = new ArrayList<>();
    private String authors;

    @Override
    public void end(String path, String text) {
        if (path.startsWith("arXivRaw/") && shared.take(path.substring("arXivRaw/".length()), text)) {
            return;
        }
        switch (path) {
            case "arXivRaw/version/date" -> versionDates.add(text.strip());
            case "arXivRaw/authors" -> authors = text;
            default -> { }
        }
    }

    @Override
    public Paper toPaper() {
        List<Instant> dates = versionDates.stream()
                .map(d -> ZonedDateTime.parse(d, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant())
                .sorted().toList();
        return shared.toPaper(dates.size(), ArxivText.authors(authors), dates.isEmpty() ? null : dates.getFirst(),
                dates.isEmpty() ? null : dates.getLast());
    }
}
