package org.paperwire.db;

/**
 * A failure of the store itself (disk full, locked, corrupt): ours to report, never the user's input. The message
 * names what the store was asked to do ("could not save paper 2406.01234: ..."), so a log line or an operator's
 * error says which operation failed without a stack trace.
 */
public final class StoreException extends RuntimeException {
    /**
     * @param operation what was being done, as a short phrase that follows "could not" ("claim due digests")
     * @param cause the failure of the store
     */
    public StoreException(String operation, Throwable cause) {
        super("could not " + operation + ": " + cause.getMessage(), cause);
    }
}
