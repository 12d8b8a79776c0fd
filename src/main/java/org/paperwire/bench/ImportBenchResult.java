package org.paperwire.bench;

/**
 * What {@code bench import} measured, in the JSON shape of {@code bench import --json} (components in key order);
 * {@code papers} counts records read.
 */
public record ImportBenchResult(int files, long papers, long distinctPapers, long failed, double seconds,
        long papersPerSecond, long peakRssMb) {}
