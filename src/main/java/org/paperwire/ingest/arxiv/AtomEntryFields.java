package org.paperwire.ingest.arxiv;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLStreamReader;
import org.paperwire.paper.ArxivId;
import org.paperwire.paper.Paper;

/**
 * One {@code <entry>} of an arXiv API Atom feed. The id is the abstract URL with the version
 * ({@code http://arxiv.org/abs/2104.12255v1}); {@code published} is version 1's submission, {@code updated}
 * the current version's. The primary category may come before or after the other categories (the two feed
 * layouts differ), so it is put first only when the entry is built.
 */
final class AtomEntryFields implements MetadataFields {
    private String id;
    private String title;
    private String summary;
    private String published;
    private String updated;
    private final List<String> authors = new ArrayList<>();
    private String primaryCategory;
    private final List<String> categories = new ArrayList<>();
    private String comment;
    private String journalRef;
    private String doi;

    @Override
    public void start(String path, XMLStreamReader r) {
        switch (path) {
            case "entry/primary_category" -> primaryCategory = r.getAttributeValue(null, "term");
            case "entry/category" -> categories.add(r.getAttributeValue(null, "term"));
            default -> { }
        }
    }

    @Override
    public void end(String path, String text) {
        switch (path) {
            case "entry/id" -> id = text.strip();
            case "entry/title" -> title = text;
            case "entry/summary" -> summary = text;
            case "entry/published" -> published = text.strip();
            case "entry/updated" -> updated = text.strip();
            case "entry/author/name" -> authors.add(ArxivText.collapse(text));
            case "entry/comment" -> comment = text;
            case "entry/journal_ref" -> journalRef = text;
            case "entry/doi" -> doi = text;
            default -> { }
        }
    }

    /** The API reports errors as an entry whose id points at its error documentation. */
    boolean isError() {
        return id != null && id.contains("arxiv.org/api/errors");
    }

    String errorText() {
        String text = ArxivText.collapse(summary);
        return text != null ? text : id;
    }

    String id() {
        return id;
    }

    @Override
    public Paper toPaper() {
        ArxivId arxivId = ArxivId.parseOrThrow(MetadataFields.required(id, "id"));
        return new Paper(
                arxivId.id(),
                arxivId.version(),
                ArxivText.collapse(MetadataFields.required(title, "title")),
                ArxivText.collapse(summary),
                authors.stream().filter(a -> a != null).toList(),
                categories(),
                ArxivText.collapse(comment),
                ArxivText.collapse(journalRef),
                ArxivText.collapse(doi),
                published == null ? null : Instant.parse(published),
                updated == null ? null : Instant.parse(updated),
                null);
    }

    private List<String> categories() {
        Set<String> ordered = new LinkedHashSet<>();
        if (primaryCategory != null && !primaryCategory.isBlank()) {
            ordered.add(primaryCategory.strip());
        }
        categories.stream().filter(c -> c != null && !c.isBlank()).map(String::strip).forEach(ordered::add);
        return List.copyOf(ordered);
    }
}
