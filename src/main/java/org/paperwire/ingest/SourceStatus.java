package org.paperwire.ingest;

import java.time.Instant;

/**
 * What the status page and {@code /api/v1/ingest/status} show for one harvest source, and where its next
 * harvest resumes ({@code checkpoint}, e.g. the OAI-PMH {@code from} date).
 */
public record SourceStatus(
        String source,
        String checkpoint,
        Instant lastAttempt,
        Instant lastSuccess,
        Instant lastErrorAt,
        String lastError,
        Instant nextAttempt,
        int consecutiveFailures,
        Counts lastRun,
        Counts total) {

    /** Papers seen, new and updated by a run or in total. */
    public record Counts(long seen, long created, long updated) {
        public static final Counts ZERO = new Counts(0, 0, 0);

        public Counts plus(Counts other) {
            return new Counts(seen + other.seen, created + other.created, updated + other.updated);
        }

        public static Counts of(IngestReport report) {
            return new Counts(report.read(), report.created(), report.updated());
        }
    }

    public static SourceStatus fresh(String source) {
        return new SourceStatus(source, null, null, null, null, null, null, 0, Counts.ZERO, Counts.ZERO);
    }
}
