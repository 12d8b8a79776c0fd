package org.paperwire.library.transfer;

import java.util.List;
import java.util.Optional;

/**
 * What import and export need from a reader's library: the seam between this package and the library store
 * (package {@code org.paperwire.library}), which implements it. Readers are named by their subscriber address.
 */
public interface LibraryItems {
    /** The collection an import saves into and an export reads when none is named. */
    String DEFAULT_COLLECTION = "Library";

    /** Whether {@code readerEmail} is a reader (a subscriber) at all. */
    boolean hasReader(String readerEmail);

    /**
     * The reader's address without surrounding spaces.
     *
     * @throws LibraryException naming the address when it is no reader's
     */
    default String requireReader(String readerEmail) {
        String reader = readerEmail == null ? "" : readerEmail.strip();
        if (!hasReader(reader)) {
            throw new LibraryException("no reader " + reader + ": a reader is a subscriber's address"
                    + " (see 'paperwire subscribers list')");
        }
        return reader;
    }

    /**
     * Saves {@code paperIds} (arXiv ids without version, no duplicates) into the reader's collection, creating it if
     * needed; ids already in it stay where they are. Some ids may name papers the store does not have yet: the
     * library keeps them, and they show as soon as a harvest or import brings the paper.
     */
    void addAll(String readerEmail, String collection, List<String> paperIds);

    /**
     * The paper ids of the reader's collection, in the order they were saved; of the whole library (every
     * collection, each id once) when {@code collection} is null. Empty when the reader has no such collection.
     */
    Optional<List<String>> list(String readerEmail, String collection);
}
