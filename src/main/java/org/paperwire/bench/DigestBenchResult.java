package org.paperwire.bench;

/**
 * What {@code bench digest} measured, in the JSON shape of {@code bench digest --json} (components in key order).
 * Rates are whole numbers; they are measured over the build and the delivery phase separately.
 */
public record DigestBenchResult(int subscribers, int papers, int digestsBuilt, double buildSeconds,
        long digestsPerSecond, double sendSeconds, int messagesSent, int messagesFailed, long messagesPerSecond,
        int smtpConnections, long peakRssMb, int libraryPapers) {

    /** The result of a run without libraries, its rates worked out from the counts and times. */
    public static DigestBenchResult of(int subscribers, int papers, int digestsBuilt, double buildSeconds,
            double sendSeconds, int messagesSent, int messagesFailed, int smtpConnections, long peakRssMb) {
        return of(subscribers, papers, digestsBuilt, buildSeconds, sendSeconds, messagesSent, messagesFailed,
                smtpConnections, peakRssMb, 0);
    }

    /** @param libraryPapers papers in each subscriber's library (one collection), 0 for none */
    public static DigestBenchResult of(int subscribers, int papers, int digestsBuilt, double buildSeconds,
            double sendSeconds, int messagesSent, int messagesFailed, int smtpConnections, long peakRssMb,
            int libraryPapers) {
        return new DigestBenchResult(subscribers, papers, digestsBuilt, buildSeconds,
                Math.round(digestsBuilt / Math.max(buildSeconds, 1e-3)), sendSeconds, messagesSent, messagesFailed,
                Math.round(messagesSent / Math.max(sendSeconds, 1e-3)), smtpConnections, peakRssMb, libraryPapers);
    }
}
