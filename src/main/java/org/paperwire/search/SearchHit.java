package org.paperwire.search;

import java.time.LocalDate;
import java.util.List;

/**
 * One ranked paper.
 *
 * @param rank 1-based position in the whole result list
 * @param score the mode's score (BM25, cosine-based, or fused); higher is better
 * @param snippet abstract passages, HTML-escaped, query words in {@code <b>…</b>}; empty without snippets
 */
public record SearchHit(int rank, String id, String title, List<String> authors, List<String> categories,
        LocalDate date, double score, String snippet) {

    public SearchHit {
        authors = List.copyOf(authors);
        categories = List.copyOf(categories);
    }
}
