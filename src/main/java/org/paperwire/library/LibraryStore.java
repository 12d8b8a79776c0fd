package org.paperwire.library;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where readers' collections, saved papers and ratings live. A reader is a subscriber id; removing the subscriber
 * removes all of it. Paper ids are arXiv ids without version and need not be in the paper store. Every change to a
 * collection's papers or ratings raises its revision. Today's implementation is {@link JdbcLibraryStore};
 * {@code LibraryStoreContract} (tests) says what every implementation must do.
 */
public interface LibraryStore {
    /** The reader's collections, oldest first (the first is the default one). */
    List<LibraryCollection> collections(long readerId);

    /** The collection, if it exists and is the reader's. */
    Optional<LibraryCollection> collection(long readerId, long collectionId);

    /** The reader's collection of this name (case-insensitive), if any. */
    Optional<LibraryCollection> collectionNamed(long readerId, String name);

    /** Adds a collection; empty when the reader already has one of this name (case-insensitive). */
    Optional<LibraryCollection> create(long readerId, String name, Instant now);

    /** Renames; false when it is not the reader's or the reader has another collection of that name. */
    boolean rename(long readerId, long collectionId, String name);

    /** Deletes the collection with its papers and ratings; false when it is not the reader's. */
    boolean delete(long readerId, long collectionId);

    /** Adds a paper (no-op if there); removes a "not for me" rating of it there. True when it was added. */
    boolean add(long collectionId, String paperId, Instant now);

    /** Removes a paper; true when it was there. */
    boolean remove(long collectionId, String paperId);

    /** Moves a paper between two collections, keeping when it was added; true when it was in {@code from}. */
    boolean move(long from, long to, String paperId);

    /** The collection's papers, newest first (then by id). */
    List<SavedPaper> papers(long collectionId);

    /** Ids of the papers in any of the reader's collections. */
    Set<String> savedIds(long readerId);

    /** Ids of the papers the reader saved or rated in any of their collections, in one read. */
    Set<String> savedOrRatedIds(long readerId);

    /**
     * Rates a paper in a collection, replacing an earlier rating there; "not for me" also takes the paper out of the
     * collection (a paper is never both a positive and a negative of one collection).
     */
    void rate(long collectionId, String paperId, Rating rating, Instant now);

    /** Takes back a rating; true when there was one. */
    boolean unrate(long collectionId, String paperId);

    /** The collection's ratings, newest first (then by id). */
    List<RatedPaper> ratings(long collectionId);

    /**
     * The collections of many readers in one read (a digest batch): by reader, oldest first; a reader without any is
     * left out.
     */
    Map<Long, List<LibraryCollection>> collections(Collection<Long> readerIds);

    /** {@link #savedOrRatedIds(long)} of many readers in one read; a reader with none is left out. */
    Map<Long, Set<String>> savedOrRatedIds(Collection<Long> readerIds);

    /** {@link #papers(long)} of many collections in one read; a collection with none is left out. */
    Map<Long, List<SavedPaper>> papers(Collection<Long> collectionIds);

    /** {@link #ratings(long)} of many collections in one read; a collection with none is left out. */
    Map<Long, List<RatedPaper>> ratings(Collection<Long> collectionIds);

    /** Subscriber ids of the readers who have at least one collection, ascending. */
    List<Long> readers();
}
