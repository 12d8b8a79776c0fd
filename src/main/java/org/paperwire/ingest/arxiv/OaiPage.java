package org.paperwire.ingest.arxiv;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.paperwire.ingest.SourceRecord;
import org.paperwire.ingest.http.HttpBody;

/**
 * One OAI-PMH {@code ListRecords} response, read with StAX: its records (papers, deletions, unreadable
 * ones), the resumption token that continues the list, and the protocol error if the server sent one.
 *
 * @param responseDate when the server answered; the next harvest can start from its day
 * @param resumptionToken where the list continues; empty or null at its end
 * @param error the OAI-PMH error, or null
 */
record OaiPage(Instant responseDate, List<SourceRecord> records, String resumptionToken, OaiError error) {
    static final String DELETED = "deleted record";

    /** An OAI-PMH {@code <error code="...">message</error>}. */
    record OaiError(String code, String message) {}

    boolean hasMore() {
        return resumptionToken != null && !resumptionToken.isBlank();
    }

    LocalDate responseDay() {
        return LocalDate.ofInstant(responseDate, ZoneOffset.UTC);
    }

    /** Reads a response; a document that is not XML, or not OAI-PMH, is an {@link XMLStreamException}. */
    static OaiPage parse(HttpBody body) throws XMLStreamException {
        Reader reader = new Reader(body.uri().toString());
        String root = Xml.walk(body.stream(), reader);
        if (!root.equals("OAI-PMH")) {
            throw new XMLStreamException("not an OAI-PMH response: the document is <" + root + ">");
        }
        if (reader.responseDate == null) {
            throw new XMLStreamException("OAI-PMH response without a readable <responseDate>");
        }
        return new OaiPage(reader.responseDate, reader.records, reader.token, reader.error);
    }

    private static final class Reader implements Xml.Handler {
        private static final String RECORD = "OAI-PMH/ListRecords/record";
        private static final String METADATA = RECORD + "/metadata/";

        private final String origin;
        private Instant responseDate;
        private final List<SourceRecord> records = new ArrayList<>();
        private String token;
        private OaiError error;
        private String errorCode;
        private String identifier;
        private boolean deleted;
        private MetadataFields fields;

        Reader(String origin) {
            this.origin = origin;
        }

        @Override
        public void start(String path, XMLStreamReader r) {
            switch (path) {
                case "OAI-PMH/error" -> errorCode = r.getAttributeValue(null, "code");
                case RECORD -> {
                    identifier = null;
                    fields = null;
                    deleted = false;
                }
                case RECORD + "/header" -> deleted = "deleted".equals(r.getAttributeValue(null, "status"));
                case METADATA + "arXivRaw" -> fields = new ArxivRawFields();
                case METADATA + "arXiv" -> fields = new ArxivFields();
                default -> {
                    if (fields != null && path.startsWith(METADATA)) {
                        fields.start(path.substring(METADATA.length()), r);
                    }
                }
            }
        }

        @Override
        public void end(String path, String text) {
            switch (path) {
                case "OAI-PMH/responseDate" -> responseDate = instant(text.strip());
                case "OAI-PMH/error" -> error = new OaiError(errorCode, ArxivText.collapse(text));
                case "OAI-PMH/ListRecords/resumptionToken" -> token = text.strip();
                case RECORD + "/header/identifier" -> identifier = text.strip();
                case RECORD -> records.add(record());
                default -> {
                    if (fields != null && path.startsWith(METADATA)) {
                        fields.end(path.substring(METADATA.length()), text);
                    }
                }
            }
        }

        private static Instant instant(String text) {
            try {
                return Instant.parse(text);
            } catch (DateTimeException e) {
                return null; // reported by parse() as a response without a readable date
            }
        }

        private SourceRecord record() {
            if (deleted) {
                return new SourceRecord.Skipped(DELETED, origin);
            }
            if (fields == null) {
                return new SourceRecord.Failed("record " + identifier + " has no arXivRaw or arXiv metadata", origin);
            }
            try {
                return new SourceRecord.Parsed(fields.toPaper(), origin);
            } catch (IllegalArgumentException | DateTimeException e) {
                return new SourceRecord.Failed("record " + identifier + ": " + e.getMessage(), origin);
            }
        }
    }
}
