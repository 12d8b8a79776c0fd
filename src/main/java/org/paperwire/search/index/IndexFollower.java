package org.paperwire.search.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.apache.lucene.document.Document;
import org.paperwire.paper.Paper;
import org.paperwire.paper.PaperStore;
import org.paperwire.search.embed.EmbeddingCache;
import org.paperwire.search.embed.EmbeddingText;

/**
 * Keeps the index in step with the store by change number: {@link #catchUp} reads the papers changed since
 * the index's mark and (re)indexes them, taking any vector already in the embedding cache. Papers whose
 * text has no cached vector are indexed at once for keyword search and left to the background embedder.
 */
public final class IndexFollower {
    static final int BATCH = 1000;

    private final PaperStore papers;
    private final SearchIndex index;
    private final EmbeddingCache cache;
    private final String cacheKey;

    /** {@code cacheKey}: the embedder's {@link org.paperwire.search.embed.Embedder#cacheKey()}. */
    public IndexFollower(PaperStore papers, SearchIndex index, EmbeddingCache cache, String cacheKey) {
        this.papers = papers;
        this.index = index;
        this.cache = cache;
        this.cacheKey = cacheKey;
    }

    /** Indexes every change since the index's mark; returns the number of papers indexed. */
    public synchronized long catchUp() {
        return catchUp(n -> {});
    }

    /** As {@link #catchUp()}, telling {@code progress} the running count after each batch. */
    public synchronized long catchUp(LongConsumer progress) {
        long done = 0;
        while (true) {
            List<PaperStore.Change> changes = papers.changesSince(index.seq(), BATCH);
            if (changes.isEmpty()) {
                return done;
            }
            index.update(documents(changes.stream().map(PaperStore.Change::paper).toList()), changes.getLast().seq());
            done += changes.size();
            progress.accept(done);
        }
    }

    /** Empties the index and indexes the whole store again (vectors come from the cache). */
    public synchronized long rebuild(LongConsumer progress) {
        index.clear();
        return catchUp(progress);
    }

    /** Re-indexes these papers as the store has them now (after their vectors were cached). */
    public synchronized void refresh(List<String> ids) {
        index.update(documents(papers.findAll(ids)), 0);
    }

    private List<Document> documents(List<Paper> batch) {
        List<String> hashes = batch.stream().map(p -> EmbeddingCache.hash(EmbeddingText.of(p))).toList();
        Map<String, float[]> vectors = cache.getAll(cacheKey, hashes.stream().distinct().toList());
        List<Document> docs = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            docs.add(PaperDocuments.toDocument(batch.get(i), vectors.get(hashes.get(i))));
        }
        return docs;
    }
}
