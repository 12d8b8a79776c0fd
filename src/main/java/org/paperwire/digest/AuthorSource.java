package org.paperwire.digest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.paperwire.search.SearchHit;
import org.paperwire.search.SearchInputException;
import org.paperwire.search.SearchMode;
import org.paperwire.search.SearchService;
import org.paperwire.search.SearchSort;
import org.paperwire.subscription.Topic;

/** Followed authors: new papers whose author field has the name as a phrase, newest first. */
public final class AuthorSource extends TopicSource {
    private final SearchService search;

    public AuthorSource(SearchService search) {
        super(Topic.Kind.AUTHOR);
        this.search = search;
    }

    @Override
    List<Candidate> candidates(String name, LocalDate since) {
        String query = "author:\"" + name.replace("\"", "") + "\"";
        try {
            List<Candidate> out = new ArrayList<>();
            for (SearchHit hit : search.search(DigestBuilder.request(query, SearchMode.KEYWORD, SearchSort.DATE, since))
                    .hits()) {
                out.add(new Candidate(hit.id(), 0));
            }
            return out;
        } catch (SearchInputException e) {
            return List.of();
        }
    }
}
