package org.paperwire.search;

import java.time.LocalDate;
import java.util.Optional;
import org.paperwire.paper.DateWindow;
import org.paperwire.web.Format;

/**
 * What the search page shows: the form's values, the results (null before a search), and an error message
 * for input the user should fix.
 *
 * @param window the form's choice: today, week, month (a {@link DateWindow}), custom or empty
 * @param since the custom range's first day, or null
 * @param until the custom range's last day, or null
 */
public record SearchPage(String query, String mode, String category, String window, LocalDate since,
        LocalDate until, String sort, int pageNumber, int pageSize, SearchResults results, String error) {

    /** The chosen window, if the form names one rather than any time or a custom range. */
    public Optional<DateWindow> dateWindow() {
        return DateWindow.parse(window);
    }

    /** A day as the date inputs want it: ISO, or empty. */
    public static String iso(LocalDate day) {
        return day == null ? "" : day.toString();
    }

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
        append(b, "since", iso(since));
        append(b, "until", iso(until));
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
