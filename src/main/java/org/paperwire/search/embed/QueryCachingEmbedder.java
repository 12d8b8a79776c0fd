package org.paperwire.search.embed;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;

/**
 * Remembers the vectors of recent queries in a Caffeine cache bounded by memory (query text plus vector; rarely
 * and long unused entries leave first), so that a query asked again, by a reader, a saved search in a digest or a
 * preview, runs the model once. Search and digests share it because they share the search service's embedder.
 * Documents pass straight through: their vectors are cached in the store ({@link EmbeddingCache}).
 */
public final class QueryCachingEmbedder implements Embedder {
    /** Bytes of queries and vectors kept by default: thousands of typical queries (a vector is 1.5 kB). */
    public static final long DEFAULT_BYTES = 16L * 1024 * 1024;

    private final Embedder model;
    private final Cache<String, float[]> queries;

    public QueryCachingEmbedder(Embedder model, long maxBytes) {
        this.model = model;
        this.queries = Caffeine.newBuilder().maximumWeight(maxBytes).executor(Runnable::run)
                .weigher((String query, float[] vector) -> 64 + 2 * query.length() + 4 * vector.length).build();
    }

    @Override
    public EmbeddingModel model() {
        return model.model();
    }

    @Override
    public String cacheKey() {
        return model.cacheKey();
    }

    @Override
    public List<float[]> embedDocuments(List<String> texts) {
        return model.embedDocuments(texts);
    }

    /** A copy of the cached vector, so no caller can change what the next one gets. */
    @Override
    public float[] embedQuery(String query) {
        return queries.get(query, model::embedQuery).clone();
    }

    @Override
    public void close() {
        model.close();
    }
}
