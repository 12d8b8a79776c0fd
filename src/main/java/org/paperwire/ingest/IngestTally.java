package org.paperwire.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.paperwire.paper.UpsertOutcome;

/** Counts outcomes while an ingest runs; {@link #report()} freezes them into an {@link IngestReport}. */
final class IngestTally {
    private long read;
    private long created;
    private long updated;
    private long unchanged;
    private long skipped;
    private long failed;
    private final Map<String, Long> skippedReasons = new TreeMap<>();
    private final List<String> errors = new ArrayList<>();

    void outcome(UpsertOutcome outcome) {
        read++;
        switch (outcome) {
            case NEW -> created++;
            case UPDATED -> updated++;
            case UNCHANGED -> unchanged++;
        }
    }

    void skipped(String reason) {
        read++;
        skipped++;
        skippedReasons.merge(reason, 1L, Long::sum);
    }

    void failed(String message) {
        read++;
        failed++;
        if (errors.size() < IngestReport.MAX_ERRORS) {
            errors.add(message);
        }
    }

    long read() {
        return read;
    }

    IngestReport report() {
        return new IngestReport(read, created, updated, unchanged, skipped, failed, skippedReasons, errors);
    }
}
