package org.paperwire.ingest.bulk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.paperwire.ingest.IngestReport;
import org.paperwire.ingest.PaperIngestor;

/**
 * Loads bulk files (Kaggle snapshot, daily listings, BEIR corpora) into the store through the
 * {@link PaperIngestor}. The files are read and parsed on a second thread while this one writes, so
 * parsing and SQLite share the work of two cores. Bad lines and unreadable files are counted as failed
 * records in the report; only a failure of the store itself stops an import.
 */
public final class BulkImporter {
    private final PaperIngestor ingestor;

    public BulkImporter(PaperIngestor ingestor) {
        this.ingestor = ingestor;
    }

    /** Imports {@code files} in the given order. */
    public IngestReport importFiles(List<Path> files, ImportOptions options, ImportProgress progress) {
        AtomicLong bytesRead = new AtomicLong();
        BulkFileReader reader = new BulkFileReader(options, bytesRead);
        try (RecordPipe records = RecordPipe.start(sink -> files.forEach(file -> reader.read(file, sink)))) {
            return ingestor.ingest(records, recordsRead -> progress.update(bytesRead.get(), recordsRead));
        }
    }

    /** The bytes {@link #importFiles} will read, as a progress total; unreadable files count 0. */
    public static long totalBytes(List<Path> files) {
        long total = 0;
        for (Path file : files) {
            try {
                total += Files.size(file);
            } catch (IOException e) {
                // the import itself reports the unreadable file, naming it
            }
        }
        return total;
    }
}
