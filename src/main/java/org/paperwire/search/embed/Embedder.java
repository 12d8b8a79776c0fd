package org.paperwire.search.embed;

import java.util.List;

/** Turns texts into unit-length vectors. Implementations are thread-safe. */
public interface Embedder extends AutoCloseable {

    EmbeddingModel model();

    /**
     * What the vectors depend on besides the text: the model and the pipeline settings that change vectors
     * (truncation). Cached vectors are keyed by it, so a change of either never reuses stale vectors.
     */
    String cacheKey();

    /** One vector per document text, in input order, each of length {@link EmbeddingModel#dimension()}. */
    List<float[]> embedDocuments(List<String> texts);

    /** The vector of a search query (with the model's query instruction where that is configured). */
    float[] embedQuery(String query);

    @Override
    void close();
}
