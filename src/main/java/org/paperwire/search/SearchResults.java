package org.paperwire.search;

import java.util.List;

/**
 * A page of results.
 *
 * @param query the query as searched (after any truncation)
 * @param total matching papers, exact up to 1,000 and at least this many beyond (for semantic and hybrid:
 *     the candidates ranked)
 * @param notes what the user should know: a truncated query, an unknown category, embeddings still computing
 */
public record SearchResults(String query, SearchMode mode, long total, List<SearchHit> hits, List<String> notes) {
    public SearchResults {
        hits = List.copyOf(hits);
        notes = List.copyOf(notes);
    }
}
