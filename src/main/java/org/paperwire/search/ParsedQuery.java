package org.paperwire.search;

import java.time.LocalDate;
import java.util.List;

/**
 * A user's query taken apart by {@link QuerySyntax}.
 *
 * @param text the free text to rank by (words and phrases, in the user's order, without operators)
 * @param words free words (ranked, optional)
 * @param phrases quoted phrases (each must appear)
 * @param excluded words and phrases after {@code -} (none may appear)
 * @param authors {@code author:} values (each must match an author)
 * @param categories {@code cat:} values (any may match)
 * @param since first day, inclusive, or null
 * @param until last day, inclusive, or null
 * @param notes what was read differently from how it was written, for the user
 */
public record ParsedQuery(
        String text,
        List<String> words,
        List<String> phrases,
        List<String> excluded,
        List<String> authors,
        List<String> categories,
        LocalDate since,
        LocalDate until,
        List<String> notes) {

    public ParsedQuery {
        words = List.copyOf(words);
        phrases = List.copyOf(phrases);
        excluded = List.copyOf(excluded);
        authors = List.copyOf(authors);
        categories = List.copyOf(categories);
        notes = List.copyOf(notes);
    }

    /** Whether there is anything to rank by (otherwise results come newest first). */
    public boolean hasText() {
        return !text.isBlank();
    }

    /** Whether the query asks for anything at all. */
    public boolean isEmpty() {
        return !hasText() && excluded.isEmpty() && authors.isEmpty() && categories.isEmpty() && since == null && until == null;
    }
}
