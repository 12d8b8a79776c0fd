package org.paperwire.ingest.arxiv;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.paperwire.paper.Paper;

/**
 * An OAI-PMH {@code arXiv} record: structured authors, but only dates ({@code created} is version 1's day,
 * {@code updated} the newest version's) and no version number. Dates become midnight UTC of that day, so
 * an arXivRaw harvest of the same paper gives more exact times.
 */
final class ArxivFields implements MetadataFields {
    private final SharedFields shared = new SharedFields();
    private String created;
    private String updated;
    private final List<String> authors = new ArrayList<>();
    private String keyname;
    private String forenames;
    private String suffix;

    @Override
    public void end(String path, String text) {
        if (path.startsWith("arXiv/") && shared.take(path.substring("arXiv/".length()), text)) {
            return;
        }
        switch (path) {
            case "arXiv/created" -> created = text.strip();
            case "arXiv/updated" -> updated = text.strip();
            case "arXiv/authors/author/keyname" -> keyname = text;
            case "arXiv/authors/author/forenames" -> forenames = text;
            case "arXiv/authors/author/suffix" -> suffix = text;
            case "arXiv/authors/author" -> addAuthor();
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
        return shared.toPaper(0, authors, first, last);
    }

    private static Instant day(String date) {
        return date == null ? null : LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
