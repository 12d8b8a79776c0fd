package org.paperwire.recommend;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

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
     * As {@link #recommend(long, long, LocalDate, int)}, for a caller that has just read the ids of the papers the
     * reader saved or rated ({@code LibraryService.savedOrRated}): the recommender need not read them again. The
     * default reads them again.
     */
    default List<Recommendation> recommend(long readerId, long collectionId, LocalDate since, int limit,
            Set<String> savedOrRated) {
        return recommend(readerId, collectionId, since, limit);
    }

    /**
     * Trains ahead, in parallel, what {@link #recommend} will need for these readers' collections (a digest run
     * asks before each batch). The default does nothing.
     */
    default void prepare(List<Long> readerIds) {}
}
