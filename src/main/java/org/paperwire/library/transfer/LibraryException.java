package org.paperwire.library.transfer;

/** A request the library cannot serve as asked (an unknown reader or collection); the message names the value. */
public final class LibraryException extends RuntimeException {
    public LibraryException(String message) {
        super(message);
    }
}
