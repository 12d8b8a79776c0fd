package org.paperwire.ingest.bulk;

import java.time.LocalDate;

/**
 * How to read bulk files.
 *
 * @param format the format of every file, or null to detect it per file from its first good line
 * @param listedOn the listing day for daily listings, or null to take it from each file name
 *     ({@code 2025-03-18.jsonl.gz}); when given it wins over the file name
 */
public record ImportOptions(BulkFormat format, LocalDate listedOn) {
    /** Detect the format, listing days from file names. */
    public static ImportOptions detect() {
        return new ImportOptions(null, null);
    }
}
