package org.paperwire.library;

import java.util.List;
import org.paperwire.library.LibraryService.Shelf;

/**
 * The {@code /library} page: the reader's collections with their papers, and a message after an action.
 *
 * @param message a sentence to show on top (e.g. the votes carried over at sign-in), or empty
 * @param feeds the private recommendation feed URL of each collection, by collection id
 */
public record LibraryPage(String email, List<Shelf> shelves, List<LibraryCollection> collections, String message,
        java.util.Map<Long, String> feeds) {
    public static String date(java.time.Instant at) {
        return at.toString().substring(0, 10);
    }
}
