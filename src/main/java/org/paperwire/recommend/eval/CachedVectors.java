package org.paperwire.recommend.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paperwire.search.embed.Embedder;
import org.paperwire.search.embed.EmbeddingCache;

/**
 * The vectors of texts, from the embedding cache where it has them and from the embedder otherwise; what gets
 * embedded goes into the cache chunk by chunk, so an interrupted cold run keeps its progress.
 */
final class CachedVectors {
    private static final int CHUNK = 256;

    private final Embedder embedder;
    private final EmbeddingCache cache;
    private long embedded;
    private double seconds;

    CachedVectors(Embedder embedder, EmbeddingCache cache) {
        this.embedder = embedder;
        this.cache = cache;
    }

    /** The vector of every text, by text. */
    Map<String, float[]> vectors(List<String> texts, RecsEvaluator.Progress progress) {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (String text : texts) {
            hashes.putIfAbsent(text, EmbeddingCache.hash(text));
        }
        Map<String, float[]> cached = cache.getAll(embedder.cacheKey(), new ArrayList<>(hashes.values()));
        Map<String, float[]> out = new HashMap<>(hashes.size() * 2);
        List<String> missing = new ArrayList<>();
        hashes.forEach((text, hash) -> {
            float[] v = cached.get(hash);
            if (v != null) {
                out.put(text, v);
            } else {
                missing.add(text);
            }
        });
        if (!missing.isEmpty()) {
            progress.say(String.format("embedding %,d of %,d papers with %s (the rest are cached)", missing.size(),
                    hashes.size(), embedder.cacheKey()));
        }
        long start = System.nanoTime();
        for (int from = 0; from < missing.size(); from += CHUNK) {
            List<String> chunk = missing.subList(from, Math.min(missing.size(), from + CHUNK));
            List<float[]> vectors = embedder.embedDocuments(chunk);
            Map<String, float[]> byHash = new HashMap<>();
            for (int i = 0; i < chunk.size(); i++) {
                out.put(chunk.get(i), vectors.get(i));
                byHash.put(hashes.get(chunk.get(i)), vectors.get(i));
            }
            cache.putAll(embedder.cacheKey(), byHash);
            progress.say(String.format("embedded %,d of %,d", from + chunk.size(), missing.size()));
        }
        embedded += missing.size();
        seconds += (System.nanoTime() - start) / 1e9;
        return out;
    }

    long embedded() {
        return embedded;
    }

    double seconds() {
        return seconds;
    }
}
