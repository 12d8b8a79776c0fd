package org.paperwire.library;

/** A library request the reader must fix: a bad name or id, or a collection that is not (or no longer) theirs. */
public final class LibraryException extends RuntimeException {
    private final boolean notFound;

    private LibraryException(String message, boolean notFound) {
        super(message);
        this.notFound = notFound;
    }

    static LibraryException badInput(String message) {
        return new LibraryException(message, false);
    }

    static LibraryException notFound(String message) {
        return new LibraryException(message, true);
    }

    /** True when what was asked for does not exist for this reader (as opposed to being malformed). */
    public boolean notFound() {
        return notFound;
    }
}
