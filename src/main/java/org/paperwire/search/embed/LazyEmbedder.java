package org.paperwire.search.embed;

import java.util.List;
import java.util.function.Supplier;

/**
 * Loads the model on first use, so that commands that never embed (keyword search, reindex of cached
 * papers) don't pay for loading it.
 */
public final class LazyEmbedder implements Embedder {
    private final EmbeddingModel model;
    private final String cacheKey;
    private final Supplier<Embedder> factory;
    private Embedder loaded;

    /** {@code cacheKey} must be the key of the embedder {@code factory} makes. */
    public LazyEmbedder(EmbeddingModel model, String cacheKey, Supplier<Embedder> factory) {
        this.model = model;
        this.cacheKey = cacheKey;
        this.factory = factory;
    }

    @Override
    public EmbeddingModel model() {
        return model;
    }

    /** Asks the factory's embedder without loading the model when the key is known: see constructor. */
    @Override
    public String cacheKey() {
        return cacheKey;
    }

    private synchronized Embedder get() {
        if (loaded == null) {
            loaded = factory.get();
        }
        return loaded;
    }

    @Override
    public List<float[]> embedDocuments(List<String> texts) {
        return get().embedDocuments(texts);
    }

    @Override
    public float[] embedQuery(String query) {
        return get().embedQuery(query);
    }

    @Override
    public synchronized void close() {
        if (loaded != null) {
            loaded.close();
        }
    }
}
