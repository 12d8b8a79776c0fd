package org.paperwire.ingest.arxiv;

import java.time.DateTimeException;
import org.paperwire.paper.Paper;

/**
 * Collects one record's fields while its XML is walked ({@link Xml.Handler}, with paths starting at the
 * metadata element, e.g. {@code arXivRaw/version/date}), and then builds the paper. Building is separate
 * so that one bad value fails that record only, never the page.
 */
interface MetadataFields extends Xml.Handler {
    /**
     * The paper these fields describe.
     *
     * @throws IllegalArgumentException when a required field is missing or an id is not an arXiv id
     * @throws DateTimeException when a date cannot be read
     */
    Paper toPaper();

    /** The text of a required field, or an exception naming it. */
    static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("no <" + field + ">");
        }
        return value;
    }
}
