package org.paperwire.ingest;

import org.paperwire.paper.Paper;

/**
 * One record as a reader or harvester produced it: a paper, a record skipped on purpose, or a record that
 * could not be read. {@code origin} says where it came from ({@code file.jsonl.gz:123} or a URL) so that
 * every message can point at the offending input.
 */
public sealed interface SourceRecord {
    String origin();

    /** A readable paper. */
    record Parsed(Paper paper, String origin) implements SourceRecord {}

    /** A record left out deliberately, e.g. an OAI deletion or a category we do not harvest. */
    record Skipped(String reason, String origin) implements SourceRecord {}

    /** A record (or the rest of a file) that could not be read; {@code message} says what was wrong. */
    record Failed(String message, String origin) implements SourceRecord {}
}
