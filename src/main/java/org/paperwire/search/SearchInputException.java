package org.paperwire.search;

/** A search the user has to change: an empty query, a bad page size (400 in the API, a message in the CLI). */
public final class SearchInputException extends RuntimeException {
    public SearchInputException(String message) {
        super(message);
    }
}
