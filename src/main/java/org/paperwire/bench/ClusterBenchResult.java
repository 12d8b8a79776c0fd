package org.paperwire.bench;

/**
 * What {@code bench cluster} measured, in the documented JSON shape of {@code bench cluster --json}: the digests
 * delivered by {@code nodes} serve processes on one PostgreSQL ({@code seconds} from the nodes' start until every
 * subscriber had a digest), how many subscribers got a second one ({@code duplicates}) or none ({@code lost}), the
 * node killed with SIGKILL during sending (-1: none), and the import and keyword-search figures of {@code bench
 * import} and {@code bench search --modes keyword} against the same PostgreSQL store.
 */
public record ClusterBenchResult(int nodes, int digests, double seconds, long messagesPerSecond, long duplicates,
        long lost, int killedNode, ImportBenchResult imported, SearchBenchResult search) {}
