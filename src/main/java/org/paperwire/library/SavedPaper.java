package org.paperwire.library;

import java.time.Instant;

/** A paper (arXiv id without version) in a collection, and when it was added. */
public record SavedPaper(String paperId, Instant addedAt) {}
