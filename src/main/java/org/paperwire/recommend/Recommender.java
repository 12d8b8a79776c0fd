package org.paperwire.recommend;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.paperwire.library.LibraryCollection;

/**
 * Recommendations for a reader, per collection: what {@code /for-you}, {@code GET /api/v1/recommendations}, the
 * private feeds, {@code paperwire recommend} and the digest's "Recommended for you" section ask for. The model of
 * a collection is trained when the collection or its ratings change, never per request.
 */
public interface Recommender {

    /**
     * The best papers for the reader's collection among those that appeared from {@code since} to the reference
     * day, best first, at most {@code limit}; papers the reader saved or rated are left out.
     *
     * @param readerId the reader's subscriber id
     */
    List<Recommendation> recommend(long readerId, long collectionId, LocalDate since, int limit);

    /**
     * Prepares the requests of a batch of readers (a digest run asks before each batch): trains ahead, in parallel,
     * the models of their collections, and reads once, for all of them, what each request would read again. The
     * default prepares nothing.
     */
    default Batch prepare(List<Long> readerIds) {
        return (readerId, collection, since, limit, savedOrRated) -> recommend(readerId, collection.id(), since, limit);
    }

    /** The requests of a prepared batch of readers: they see the papers the store held when it was prepared. */
    @FunctionalInterface
    interface Batch {
        /**
         * As {@link Recommender#recommend(long, long, LocalDate, int)}, for a caller that has just read the reader's
         * collection and the ids of the papers the reader saved or rated ({@code LibraryService.savedOrRated}).
         */
        List<Recommendation> recommend(long readerId, LibraryCollection collection, LocalDate since, int limit,
                Set<String> savedOrRated);
    }
}
