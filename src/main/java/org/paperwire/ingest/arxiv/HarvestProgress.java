package org.paperwire.ingest.arxiv;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.paperwire.ingest.HarvestException;
import org.paperwire.ingest.IngestReport;
import org.paperwire.ingest.PaperIngestor;
import org.paperwire.ingest.SourceRecord;
import org.paperwire.paper.Paper;

/**
 * What one harvest has stored so far. Each page is ingested as soon as it arrives, so a failure later keeps
 * it; {@link #failed} wraps the failure together with this report. A paper met again in the same run (a
 * record cross-listed in two OAI sets, an API entry that slid onto the next page) is passed over: it is the
 * same record, and counting it twice would inflate what the status page reports.
 */
final class HarvestProgress {
    private final PaperIngestor ingestor;
    private final Set<String> seen = new HashSet<>();
    private IngestReport report = IngestReport.empty();

    HarvestProgress(PaperIngestor ingestor) {
        this.ingestor = ingestor;
    }

    /** Stores one page; papers {@code wanted} rejects are counted as skipped for {@code unwantedReason}. */
    void ingest(List<SourceRecord> page, Predicate<Paper> wanted, String unwantedReason) {
        List<SourceRecord> records = page.stream()
                .filter(r -> !(r instanceof SourceRecord.Parsed p) || seen.add(p.paper().id()))
                .map(r -> r instanceof SourceRecord.Parsed p && !wanted.test(p.paper())
                        ? new SourceRecord.Skipped(unwantedReason, p.origin()) : r)
                .toList();
        report = report.plus(ingestor.ingest(records.iterator()));
    }

    IngestReport report() {
        return report;
    }

    HarvestException failed(String message, Throwable cause) {
        return new HarvestException(message, report, cause);
    }
}
