package org.paperwire.trending;

import java.util.List;
import org.paperwire.web.Format;

/**
 * What the trending and "new" pages show.
 *
 * @param path the page's own path ("/" or "/new"), used to build tab and pagination links
 * @param categories the categories offered in the filter
 * @param pageNumber 1-based page of the ranking
 * @param pageSize papers per page
 */
public record TrendingPage(String title, String path, TrendingList list, List<String> categories, int pageNumber,
        int pageSize, boolean newest) {

    public boolean hasNext() {
        return pageNumber * pageSize < list.total();
    }

    /** Link to this page with another window, category or page number. */
    public String link(String window, String category, int page) {
        StringBuilder b = new StringBuilder(path).append("?");
        if (!newest) {
            b.append("window=").append(window).append("&");
        }
        if (category != null) {
            b.append("cat=").append(Format.url(category)).append("&");
        }
        if (page > 1) {
            b.append("page=").append(page).append("&");
        }
        return b.substring(0, b.length() - 1);
    }

    public String feedLink() {
        return "/feeds/trending.atom?window=" + list.window().slug()
                + (list.category() == null ? "" : "&cat=" + Format.url(list.category()));
    }
}
