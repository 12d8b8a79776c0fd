package org.paperwire.recommend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.paperwire.paper.Paper;
import org.paperwire.search.embed.Embedder;
import org.paperwire.search.embed.EmbeddingCache;
import org.paperwire.search.embed.EmbeddingText;

/**
 * The embeddings of store papers for recommendations: the search index's vectors (title and abstract, by the search
 * model's cache key) from the embedding cache, and for those not embedded yet, at most a given number embedded on
 * demand through the app's embedder and cached, so that the background embedder and later requests find them.
 */
final class PaperVectors {
    private final EmbeddingCache cache;
    private final Supplier<Embedder> embedder;

    /** @param embedder the search engine's embedder; asked for only when vectors are missing or a key is needed */
    PaperVectors(EmbeddingCache cache, Supplier<Embedder> embedder) {
        this.cache = cache;
        this.embedder = embedder;
    }

    /**
     * The vector of each paper that has one, by paper id: cached ones, and up to {@code embedAtMost} of the rest,
     * embedded now (in the order given).
     */
    Map<String, float[]> vectors(List<Paper> papers, int embedAtMost) {
        Embedder e = embedder.get();
        Map<String, String> hashById = new LinkedHashMap<>();
        for (Paper p : papers) {
            hashById.put(p.id(), EmbeddingCache.hash(EmbeddingText.of(p)));
        }
        Map<String, float[]> cached = cache.getAll(e.cacheKey(), hashById.values().stream().distinct().toList());
        Map<String, float[]> out = new HashMap<>(papers.size() * 2);
        List<Paper> missing = new ArrayList<>();
        for (Paper p : papers) {
            float[] v = cached.get(hashById.get(p.id()));
            if (v != null) {
                out.put(p.id(), v);
            } else if (missing.size() < embedAtMost) {
                missing.add(p);
            }
        }
        if (!missing.isEmpty()) {
            List<float[]> vectors = e.embedDocuments(missing.stream().map(EmbeddingText::of).toList());
            Map<String, float[]> byHash = new HashMap<>();
            for (int i = 0; i < missing.size(); i++) {
                out.put(missing.get(i).id(), vectors.get(i));
                byHash.put(hashById.get(missing.get(i).id()), vectors.get(i));
            }
            cache.putAll(e.cacheKey(), byHash);
        }
        return out;
    }
}
