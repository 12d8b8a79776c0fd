package org.paperwire.ingest.bulk;

/** A record that cannot become a paper; the message says what is wrong with it, the caller adds file and line. */
final class BadRecordException extends RuntimeException {
    BadRecordException(String message) {
        super(message, null, false, false); // one per bad line: no stack trace needed, none is shown
    }
}
