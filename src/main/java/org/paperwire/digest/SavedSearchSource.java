package org.paperwire.digest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.paperwire.search.SearchHit;
import org.paperwire.search.SearchInputException;
import org.paperwire.search.SearchMode;
import org.paperwire.search.SearchService;
import org.paperwire.search.SearchSort;
import org.paperwire.subscription.Topic;

/**
 * Saved searches: hybrid search ranks the new papers, and a paper counts only when the cosine similarity of its
 * embedding to the query's reaches {@code minSimilarity} (fused hybrid scores are relative to the result list,
 * so they cannot say "this is a weak match"; the cosine can).
 */
public final class SavedSearchSource extends TopicSource {
    private final SearchService search;
    private final double minSimilarity;

    public SavedSearchSource(SearchService search, double minSimilarity) {
        super(Topic.Kind.SEARCH);
        this.search = search;
        this.minSimilarity = minSimilarity;
    }

    @Override
    List<Candidate> candidates(String text, LocalDate since) {
        try {
            List<SearchHit> hits = search.search(DigestBuilder.request(text, SearchMode.HYBRID, SearchSort.RELEVANCE,
                    since)).hits();
            Map<String, Double> cosine = search.cosine(text, hits.stream().map(SearchHit::id).toList());
            List<Candidate> out = new ArrayList<>();
            for (SearchHit hit : hits) {
                if (cosine.getOrDefault(hit.id(), -1.0) >= minSimilarity) {
                    out.add(new Candidate(hit.id(), 0));
                }
            }
            return out;
        } catch (SearchInputException e) {
            return List.of(); // e.g. a search of stop words only: nothing can match it
        }
    }
}
