package org.paperwire.ingest.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import org.paperwire.paper.Paper;

/** Turns one JSON record of a bulk format into a paper. */
interface RecordParser {
    /** The paper, or a {@link BadRecordException} saying what is wrong with the record. */
    Paper parse(JsonNode record);
}
