package org.paperwire.ingest;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongConsumer;
import org.paperwire.paper.Paper;
import org.paperwire.paper.PaperStore;
import org.paperwire.paper.PaperText;
import org.paperwire.paper.UpsertOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path every paper takes into the store, from bulk files and live harvests alike: records are
 * written in batches, each batch in one transaction, and every record is counted in the report. Control
 * characters in a record's text are replaced here ({@link PaperText#clean}), whichever source it came from.
 */
public final class PaperIngestor {
    private static final Logger log = LoggerFactory.getLogger(PaperIngestor.class);
    /** Records per transaction: large enough for speed, small enough that a crash loses little work. */
    public static final int BATCH_SIZE = 2000;

    private final PaperStore store;

    public PaperIngestor(PaperStore store) {
        this.store = store;
    }

    public IngestReport ingest(Iterator<SourceRecord> records) {
        return ingest(records, read -> {});
    }

    /** Ingests all records; {@code progress} receives the running count of records read after each batch. */
    public IngestReport ingest(Iterator<SourceRecord> records, LongConsumer progress) {
        IngestTally tally = new IngestTally();
        List<Paper> batch = new ArrayList<>(BATCH_SIZE);
        while (records.hasNext()) {
            switch (records.next()) {
                case SourceRecord.Parsed p -> batch.add(PaperText.clean(p.paper()));
                case SourceRecord.Skipped s -> tally.skipped(s.reason());
                case SourceRecord.Failed f -> {
                    log.warn("{}: {}", f.origin(), f.message());
                    tally.failed(f.origin() + ": " + f.message());
                }
            }
            if (batch.size() >= BATCH_SIZE) {
                flush(batch, tally);
                progress.accept(tally.read());
            }
        }
        flush(batch, tally);
        progress.accept(tally.read());
        return tally.report();
    }

    private void flush(List<Paper> batch, IngestTally tally) {
        if (batch.isEmpty()) {
            return;
        }
        for (UpsertOutcome outcome : store.upsertAll(batch)) {
            tally.outcome(outcome);
        }
        batch.clear();
    }
}
