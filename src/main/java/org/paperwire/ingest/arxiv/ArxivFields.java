package org.paperwire.ingest.arxiv;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.paperwire.paper.ArxivId;
import org.paperwire.paper.Paper;

/**
 * An OAI-PMH {@code arXiv} record: structured authors, but only dates ({@code created} is version 1's day,
 * {@code updated} the newest version's) and no version number. Dates become midnight UTC of that day, so
 * an arXivRaw harvest of the same paper gives more exact times.
 */
final class ArxivFields implements MetadataFields {
    private String id;
    private String created;
    private String updated;
    private final List<String> authors = new ArrayList<>();
    private String keyname;
    private String forenames;
    private String suffix;
    private String title;
    private String categories;
    private String comments;
    private String journalRef;
    private String doi;
    private String abstractText;

    @Override
    public void end(String path, String text) {
        switch (path) {
            case "arXiv/id" -> id = text.strip();
            case "arXiv/created" -> created = text.strip();
            case "arXiv/updated" -> updated = text.strip();
            case "arXiv/authors/author/keyname" -> keyname = text;
            case "arXiv/authors/author/forenames" -> forenames = text;
            case "arXiv/authors/author/suffix" -> suffix = text;
            case "arXiv/authors/author" -> addAuthor();
            case "arXiv/title" -> title = text;
            case "arXiv/categories" -> categories = text;
            case "arXiv/comments" -> comments = text;
            case "arXiv/journal-ref" -> journalRef = text;
            case "arXiv/doi" -> doi = text;
            case "arXiv/abstract" -> abstractText = text;
            default -> { }
        }
    }

    private void addAuthor() {
        String name = Stream.of(forenames, keyname, suffix).map(ArxivText::collapse).filter(p -> p != null)
                .collect(Collectors.joining(" "));
        if (!name.isEmpty()) {
            authors.add(name);
        }
        keyname = forenames = suffix = null;
    }

    @Override
    public Paper toPaper() {
        Instant first = day(created);
        Instant last = updated == null ? first : day(updated);
        return new Paper(
                ArxivId.parseOrThrow(MetadataFields.required(id, "id")).id(),
                0,
                ArxivText.collapse(MetadataFields.required(title, "title")),
                ArxivText.collapse(abstractText),
                authors,
                categories == null ? List.of() : Arrays.asList(categories.strip().split("\\s+")),
                ArxivText.collapse(comments),
                ArxivText.collapse(journalRef),
                ArxivText.collapse(doi),
                first,
                last,
                null);
    }

    private static Instant day(String date) {
        return date == null ? null : LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
