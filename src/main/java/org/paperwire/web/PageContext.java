package org.paperwire.web;

/**
 * What every page's layout needs: which navigation tab is active, the search box's text, and the visitor's
 * CSRF token for forms.
 */
public record PageContext(String active, String query, String csrfToken) {
    public PageContext {
        query = query == null ? "" : query;
        csrfToken = csrfToken == null ? "" : csrfToken;
    }
}
