package org.paperwire.recommend;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.paperwire.library.LibraryCollection;
import org.paperwire.paper.DateWindow;

/**
 * The {@code /for-you} page of a signed-in reader: one collection's recommendations in a window, the reader's other
 * collections to pick from, and the collection's private feed URL; for a visitor, a sign-in prompt
 * ({@link #signedOut()}).
 *
 * @param saved how many papers the collection has (none: the page says how to start)
 */
public record ForYouPage(String email, List<LibraryCollection> collections, LibraryCollection collection,
        DateWindow window, LocalDate referenceDay, List<Recommendation> items, int saved, String feedUrl) {
    public static final List<DateWindow> WINDOWS = List.of(DateWindow.TODAY, DateWindow.WEEK, DateWindow.MONTH);

    public ForYouPage {
        collections = List.copyOf(collections);
        items = List.copyOf(items);
    }

    /** The page of a visitor who is not signed in: a sign-in prompt. */
    public static ForYouPage signedOut() {
        return new ForYouPage(null, List.of(), null, DateWindow.WEEK, null, List.of(), 0, null);
    }

    public boolean signedIn() {
        return email != null;
    }

    public LocalDate since() {
        return window.first(referenceDay);
    }

    public String link(DateWindow w, long collectionId) {
        return "/for-you?collection=" + collectionId + "&window=" + w.slug();
    }

    public static String label(DateWindow w) {
        return w == DateWindow.TODAY ? "Today" : w == DateWindow.WEEK ? "This week" : "This month";
    }

    /** A score as the cards show it: two decimals, the same in every locale. */
    public static String score(double score) {
        return String.format(Locale.ROOT, "%.2f", score);
    }
}
