package org.paperwire.paper;

import java.util.List;

/** Finds papers close in meaning to a given one (the search index provides it once vectors exist). */
@FunctionalInterface
public interface SimilarPapers {
    SimilarPapers NONE = (id, limit) -> List.of();

    /** Up to {@code limit} papers nearest to {@code paperId}, the paper itself excluded, nearest first. */
    List<PaperSummary> similar(String paperId, int limit);
}
