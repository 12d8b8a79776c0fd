package org.paperwire.search;

import java.time.LocalDate;
import java.util.List;

/**
 * One search. Filters given here add to those written in the query ({@code cat:}, {@code since:}, ...).
 *
 * @param categories any of these categories (or archives such as {@code cs}); empty for all
 * @param since first day, inclusive, or null
 * @param until last day, inclusive, or null
 * @param offset results to skip (pagination)
 * @param limit results to return
 * @param snippets whether hits carry highlighted abstract snippets
 */
public record SearchRequest(
        String query,
        SearchMode mode,
        List<String> categories,
        LocalDate since,
        LocalDate until,
        SearchSort sort,
        int offset,
        int limit,
        boolean snippets) {

    public static final int MAX_LIMIT = 1000;

    public SearchRequest {
        query = query == null ? "" : query;
        categories = List.copyOf(categories);
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new SearchInputException("offset must be 0 or more and limit 1.." + MAX_LIMIT + "; got offset "
                    + offset + ", limit " + limit);
        }
    }

    /** The first {@code limit} results of {@code query} in {@code mode}, with snippets, no extra filters. */
    public static SearchRequest of(String query, SearchMode mode, int limit) {
        return new SearchRequest(query, mode, List.of(), null, null, SearchSort.RELEVANCE, 0, limit, true);
    }

    public SearchRequest withoutSnippets() {
        return new SearchRequest(query, mode, categories, since, until, sort, offset, limit, false);
    }
}
