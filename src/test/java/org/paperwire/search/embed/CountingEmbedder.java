package org.paperwire.search.embed;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Passes everything to a real embedder and counts the queries and documents it was asked to embed. */
public final class CountingEmbedder implements Embedder {
    public final AtomicInteger queries = new AtomicInteger();
    public final AtomicInteger documents = new AtomicInteger();
    private final Embedder inner;

    public CountingEmbedder(Embedder inner) {
        this.inner = inner;
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
