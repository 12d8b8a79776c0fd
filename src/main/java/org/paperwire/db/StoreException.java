package org.paperwire.db;

/** A failure of the store itself (disk full, locked, corrupt): ours to report, never the user's input. */
public final class StoreException extends RuntimeException {
    public StoreException(Throwable cause) {
        super("store error: " + cause.getMessage(), cause);
    }
}
