package org.paperwire.library.transfer;

/** A file that cannot be imported at all (missing, unreadable, not a library export); the message names it. */
public final class LibraryFileException extends RuntimeException {
    public LibraryFileException(String message) {
        super(message);
    }
}
