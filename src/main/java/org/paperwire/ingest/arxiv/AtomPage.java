package org.paperwire.ingest.arxiv;

import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.paperwire.ingest.SourceRecord;
import org.paperwire.ingest.http.HttpBody;

/**
 * One page of an arXiv API Atom feed, read with StAX.
 *
 * @param entries the entries in feed order, each a paper or a record that could not be read
 * @param totalResults what {@code opensearch:totalResults} says the whole query holds; -1 if absent
 * @param error the API's error text when the feed is an error report, else null
 */
record AtomPage(List<SourceRecord> entries, long totalResults, String error) {

    /** Reads a feed; a document that is not XML, or not an Atom feed, is an {@link XMLStreamException}. */
    static AtomPage parse(HttpBody body) throws XMLStreamException {
        Reader reader = new Reader(body.uri().toString());
        String root = Xml.walk(body.stream(), reader);
        if (!root.equals("feed")) {
            throw new XMLStreamException("not an Atom feed: the document is <" + root + ">");
        }
        return new AtomPage(reader.entries, reader.totalResults, reader.error);
    }

    private static final class Reader implements Xml.Handler {
        private static final String ENTRY = "feed/entry";

        private final String origin;
        private final List<SourceRecord> entries = new ArrayList<>();
        private long totalResults = -1;
        private String error;
        private AtomEntryFields entry;

        Reader(String origin) {
            this.origin = origin;
        }

        @Override
        public void start(String path, XMLStreamReader r) {
            if (path.equals(ENTRY)) {
                entry = new AtomEntryFields();
            } else if (entry != null && path.startsWith(ENTRY + "/")) {
                entry.start(path.substring("feed/".length()), r);
            }
        }

        @Override
        public void end(String path, String text) {
            if (path.equals("feed/totalResults")) {
                totalResults = number(text);
            } else if (path.equals(ENTRY)) {
                finish();
            } else if (entry != null && path.startsWith(ENTRY + "/")) {
                entry.end(path.substring("feed/".length()), text);
            }
        }

        private void finish() {
            if (entry.isError()) {
                error = entry.errorText();
            } else {
                entries.add(record(entry));
            }
            entry = null;
        }

        private SourceRecord record(AtomEntryFields fields) {
            try {
                return new SourceRecord.Parsed(fields.toPaper(), origin);
            } catch (IllegalArgumentException | DateTimeException e) {
                return new SourceRecord.Failed("entry " + fields.id() + ": " + e.getMessage(), origin);
            }
        }

        private static long number(String text) {
            try {
                return Long.parseLong(text.strip());
            } catch (NumberFormatException e) {
                return -1; // unknown: paging then stops on a short page instead
            }
        }
    }
}
