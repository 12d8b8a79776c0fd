package org.paperwire.ingest.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.paperwire.paper.ArxivId;
import org.paperwire.paper.Paper;

/**
 * One line of Kaggle's {@code arxiv-metadata-oai-snapshot.json}. The dates come from {@code versions}:
 * first submitted = v1, last updated = the newest version, whose number becomes the paper's version.
 */
final class KaggleParser implements RecordParser {
    private static final Pattern VERSION = Pattern.compile("v\\d{1,6}");

    /** What the newest and the first version say; dates are null when the record has no versions. */
    private record Versions(int newest, Instant first, Instant last) {}

    @Override
    public Paper parse(JsonNode record) {
        ArxivId id = Fields.arxivId(record, "id");
        String title = Fields.requiredLine(record, "title");
        Versions versions = versions(record.path("versions"), id.version());
        List<String> authors = AuthorNames.fromParsed(record.path("authors_parsed"));
        return new Paper(id.id(), versions.newest(), title, Fields.stripped(record, "abstract"),
                authors.isEmpty() ? AuthorNames.fromString(Fields.text(record, "authors")) : authors,
                categories(Fields.optionalLine(record, "categories")),
                Fields.optionalLine(record, "comments"),
                Fields.optionalLine(record, "journal-ref"),
                Fields.optionalLine(record, "doi"),
                versions.first(), versions.last(), null);
    }

    private static List<String> categories(String spaceSeparated) {
        return spaceSeparated == null ? List.of() : Arrays.asList(spaceSeparated.split(" "));
    }

    private static Versions versions(JsonNode versions, int versionInId) {
        int newest = versionInId;
        Instant first = null;
        Instant last = null;
        int oldest = Integer.MAX_VALUE;
        for (JsonNode v : versions) {
            int number = versionNumber(Fields.text(v, "version"));
            Instant created = created(Fields.text(v, "created"));
            if (number < oldest) {
                oldest = number;
                first = created;
            }
            if (number >= newest) {
                newest = number;
                last = created;
            }
        }
        return new Versions(newest, first, last);
    }

    private static int versionNumber(String text) {
        if (text == null || !VERSION.matcher(text).matches()) {
            throw new BadRecordException("version '" + text + "' is not like 'v1'");
        }
        return Integer.parseInt(text.substring(1));
    }

    private static Instant created(String text) {
        if (text == null) {
            throw new BadRecordException("a version has no 'created' date");
        }
        try {
            return ZonedDateTime.parse(text.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRecordException("version date '" + text + "' is not like 'Mon, 2 Apr 2007 19:18:42 GMT'");
        }
    }
}
