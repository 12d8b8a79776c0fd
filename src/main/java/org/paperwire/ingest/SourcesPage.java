package org.paperwire.ingest;

import java.time.Instant;
import java.util.List;

/**
 * What the sources page shows: every harvest source's status, the store's size, and the search index's
 * progress (papers not yet embedded).
 */
public record SourcesPage(List<SourceStatus> sources, long papers, long embeddingBacklog, Instant now) {}
