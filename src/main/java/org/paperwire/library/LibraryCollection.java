package org.paperwire.library;

import java.time.Instant;

/**
 * One of a reader's named collections (arxiv-sanity-lite's tags). {@code revision} grows with every change to its
 * papers or ratings, so a model trained on it knows when it is stale.
 */
public record LibraryCollection(long id, long readerId, String name, Instant createdAt, long revision) {}
