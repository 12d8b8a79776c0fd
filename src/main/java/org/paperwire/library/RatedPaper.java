package org.paperwire.library;

import java.time.Instant;

/** A reader's rating of a paper within one collection, and when it was given. */
public record RatedPaper(String paperId, Rating rating, Instant ratedAt) {}
