package org.paperwire.search.index;

import java.nio.file.Path;

/** The index folder is held by another process (another {@code serve}, or a {@code reindex} still running). */
public final class IndexLockedException extends RuntimeException {
    public IndexLockedException(Path folder, Throwable cause) {
        super("the search index folder " + folder + " is locked by another process (a running 'paperwire serve'"
                + " or 'reindex'?); stop that process or point --data-dir elsewhere", cause);
    }

    /** The index another process holds cannot be read either: {@code why} says why and what to do. */
    public IndexLockedException(Path folder, String why) {
        super("the search index folder " + folder + ", in use by another process, " + why);
    }
}
