package org.paperwire.ingest.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.paperwire.paper.Paper;

/**
 * One document of a BEIR {@code corpus.jsonl}. Its {@code _id} is kept as it is (it is not an arXiv id) and
 * {@code text} becomes the abstract. Many BEIR corpora have documents without a title; they are kept, since
 * an evaluation must see every judged document.
 */
final class BeirParser implements RecordParser {
    @Override
    public Paper parse(JsonNode record) {
        String id = Fields.text(record, "_id"); // as it is: the qrels refer to it byte for byte
        if (id == null || id.isBlank()) {
            throw new BadRecordException("record has no _id");
        }
        String title = Fields.optionalLine(record, "title");
        String text = Fields.stripped(record, "text");
        if (title == null && text.isEmpty()) {
            throw new BadRecordException("document " + id + " has neither title nor text");
        }
        return new Paper(id, 0, title == null ? "" : title, text, List.of(), List.of(),
                null, null, null, null, null, null);
    }
}
