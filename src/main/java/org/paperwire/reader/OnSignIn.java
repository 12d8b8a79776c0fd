package org.paperwire.reader;

/**
 * What happens when a browser signs in, besides the session: the library makes the browser's earlier votes the
 * reader's. Kept as a seam so that signing in knows nothing of libraries.
 */
@FunctionalInterface
public interface OnSignIn {
    /**
     * @param visitor the browser's visitor id (its vote cookie)
     * @return how many of the browser's votes became the reader's
     */
    int signedIn(long readerId, String visitor);
}
