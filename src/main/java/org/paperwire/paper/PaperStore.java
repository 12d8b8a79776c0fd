package org.paperwire.paper;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where papers live: {@link JdbcPaperStore} on SQLite or PostgreSQL; callers see only this interface so
 * another database can come later without touching them.
 */
public interface PaperStore {

    /** A paper together with its change number, as read by followers such as the search index. */
    record Change(long seq, Paper paper) {}

    /**
     * Stores a batch in one transaction: all of it or none. Records for the same id within the batch are
     * merged in order. Returns one outcome per input record, in input order.
     */
    List<UpsertOutcome> upsertAll(List<Paper> batch);

    Optional<Paper> find(String id);

    /** The known papers among {@code ids}, in the order of {@code ids}, read in one go. */
    List<Paper> findAll(List<String> ids);

    /**
     * The papers whose title has one of {@code keys} ({@link TitleKey}), found through an index, so that a reader's
     * library of thousands of titles is matched in a few queries against millions of papers. Empty keys match
     * nothing; no order.
     */
    List<Paper> findByTitleKeys(Collection<TitleKey> keys);

    long count();

    /** Papers changed after {@code seq}, oldest change first, at most {@code limit}. */
    List<Change> changesSince(long seq, int limit);

    /**
     * Gives these papers new change numbers without changing them, so that every follower of {@link #changesSince}
     * reads them again: how an embedder tells every node's index that their vectors are now in the shared cache.
     * Unknown ids are passed over; returns how many papers were renumbered.
     */
    int renumber(List<String> ids);

    /** The highest change number so far (0 for an empty store). */
    long lastSeq();

    /** The newest listing day that has papers, on or before {@code notAfter}; empty for a store without any. */
    Optional<LocalDate> newestDay(LocalDate notAfter);
}
