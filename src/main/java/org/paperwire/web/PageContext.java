package org.paperwire.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every page's layout needs: which navigation tab is active, the search box's text, the visitor's
 * CSRF token for forms, and the signed-in reader (null when nobody is signed in).
 */
public record PageContext(String active, String query, String csrfToken, Reader reader) {
    public PageContext {
        query = query == null ? "" : query;
        csrfToken = csrfToken == null ? "" : csrfToken;
    }

    public PageContext(String active, String query, String csrfToken) {
        this(active, query, csrfToken, null);
    }

    public PageContext withReader(Reader reader) {
        return new PageContext(active, query, csrfToken, reader);
    }

    public boolean signedIn() {
        return reader != null;
    }

    /** One of the reader's collections, as a Save button offers them. */
    public record Shelf(long id, String name) {}

    /**
     * The signed-in reader as pages show them: filled by the reader feature through {@link Templates}, so that
     * every page's header and every paper's Save and rating buttons know who is signed in.
     *
     * @param csrf the session's CSRF token, which every form that changes the reader's data carries
     * @param here the path (and query) of the page being shown, where those forms come back to
     * @param shelves the reader's collections, the default one first
     * @param saved ids of the papers in any of the reader's collections
     * @param ratings the reader's ratings in the default collection: paper id to 1 (more like this) or -1
     */
    public record Reader(String email, String csrf, String here, List<Shelf> shelves, Set<String> saved,
            Map<String, Integer> ratings) {
        public Reader {
            shelves = List.copyOf(shelves);
            saved = Set.copyOf(saved);
            ratings = Map.copyOf(ratings);
        }

        public int rating(String paperId) {
            return ratings.getOrDefault(paperId, 0);
        }
    }
}
