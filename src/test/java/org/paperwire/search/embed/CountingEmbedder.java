package org.paperwire.search.embed;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Passes everything to a real embedder and counts the queries and documents it was asked to embed; optionally shows
 * each batch of documents to a test first.
 */
public final class CountingEmbedder implements Embedder {
    public final AtomicInteger queries = new AtomicInteger();
    public final AtomicInteger documents = new AtomicInteger();
    private final Embedder inner;
    private final Consumer<List<String>> beforeDocuments;

    public CountingEmbedder(Embedder inner) {
        this(inner, texts -> {});
    }

    /** {@code beforeDocuments} sees each batch of texts before it is embedded (and may hold it there). */
    public CountingEmbedder(Embedder inner, Consumer<List<String>> beforeDocuments) {
        this.inner = inner;
        this.beforeDocuments = beforeDocuments;
    }

    @Override
    public EmbeddingModel model() {
        return inner.model();
    }

    @Override
    public String cacheKey() {
        return inner.cacheKey();
    }

    @Override
    public List<float[]> embedDocuments(List<String> texts) {
        beforeDocuments.accept(texts);
        documents.addAndGet(texts.size());
        return inner.embedDocuments(texts);
    }

    @Override
    public float[] embedQuery(String query) {
        queries.incrementAndGet();
        return inner.embedQuery(query);
    }

    @Override
    public void close() {
        inner.close();
    }
}
