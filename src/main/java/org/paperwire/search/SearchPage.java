package org.paperwire.search;

import org.paperwire.web.Format;

/**
 * What the search page shows: the form's values, the results (null before a search), and an error message
 * for input the user should fix.
 *
 * @param window today, week, month, custom or empty
 */
public record SearchPage(String query, String mode, String category, String window, String since, String until,
        String sort, int pageNumber, int pageSize, SearchResults results, String error) {

    public boolean hasNext() {
        return results != null && (long) pageNumber * pageSize < results.total();
    }

    /** This search's shareable URL on another page. */
    public String link(int page) {
        return "/search?" + query(page);
    }

    public String feedLink() {
        return "/feeds/search.atom?" + query(1);
    }

    private String query(int page) {
        StringBuilder b = new StringBuilder("q=").append(Format.url(query));
        append(b, "mode", mode);
        append(b, "cat", category);
        append(b, "window", window);
        append(b, "since", since);
        append(b, "until", until);
        append(b, "sort", sort);
        if (page > 1) {
            b.append("&page=").append(page);
        }
        return b.toString();
    }

    private static void append(StringBuilder b, String name, String value) {
        if (value != null && !value.isEmpty()) {
            b.append('&').append(name).append('=').append(Format.url(value));
        }
    }
}
