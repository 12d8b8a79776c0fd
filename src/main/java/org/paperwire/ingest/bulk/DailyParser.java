package org.paperwire.ingest.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import org.paperwire.paper.ArxivId;
import org.paperwire.paper.Paper;

/**
 * One line of a daily arXiv listing ({@code id, categories[], authors[], title, comment, summary, pdf, abs}).
 * The listing has no dates of its own; the listing day comes from the file name or the caller.
 */
final class DailyParser implements RecordParser {
    private final LocalDate listedOn;

    DailyParser(LocalDate listedOn) {
        this.listedOn = listedOn;
    }

    @Override
    public Paper parse(JsonNode record) {
        ArxivId id = Fields.arxivId(record, "id");
        return new Paper(id.id(), id.version(), Fields.requiredLine(record, "title"),
                Fields.stripped(record, "summary"), Fields.lines(record, "authors"),
                Fields.lines(record, "categories"), Fields.optionalLine(record, "comment"),
                null, null, null, null, listedOn);
    }
}
