package org.paperwire.bench;

/**
 * What {@code bench recs} measured, in the JSON shape of {@code bench recs --json}: {@code readers},
 * {@code train_ms_p50} (the median time to train one collection's model), {@code score_seconds} (wall time to
 * score the day for every reader, pick their top 20 and name each one's closest library papers) and
 * {@code peak_rss_mb}; the other components say what the run was made of.
 */
public record RecsBenchResult(int readers, double trainMsP50, double trainMsP95, double trainSeconds,
        double scoreSeconds, int libraryPapers, int dayPapers, int backgroundPapers, int threads, long peakRssMb) {}
