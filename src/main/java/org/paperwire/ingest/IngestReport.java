package org.paperwire.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an import or harvest did. {@code read} counts every record seen, so
 * {@code read = new + updated + unchanged + skipped + failed}.
 *
 * @param skippedReasons how many records were skipped for each reason
 * @param errors the first failure messages, each naming its file and line or URL
 */
public record IngestReport(
        long read,
        long created,
        long updated,
        long unchanged,
        long skipped,
        long failed,
        Map<String, Long> skippedReasons,
        List<String> errors) {

    /** How many failure messages a report keeps; the count in {@code failed} is always exact. */
    public static final int MAX_ERRORS = 100;

    public IngestReport {
        skippedReasons = Map.copyOf(skippedReasons);
        errors = List.copyOf(errors);
    }

    /** Both reports added up, as for the pages of one harvest. */
    public IngestReport plus(IngestReport other) {
        Map<String, Long> reasons = new TreeMap<>(skippedReasons);
        other.skippedReasons.forEach((reason, n) -> reasons.merge(reason, n, Long::sum));
        List<String> allErrors = new ArrayList<>(errors);
        other.errors.stream().limit(Math.max(0, MAX_ERRORS - errors.size())).forEach(allErrors::add);
        return new IngestReport(read + other.read, created + other.created, updated + other.updated,
                unchanged + other.unchanged, skipped + other.skipped, failed + other.failed, reasons, allErrors);
    }

    public static IngestReport empty() {
        return new IngestReport(0, 0, 0, 0, 0, 0, Map.of(), List.of());
    }
}
