package org.paperwire.search;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.paperwire.search.embed.Embedder;
import org.paperwire.search.embed.EmbeddingModel;

/**
 * A stand-in model for fast tests: a text's vector is the normalised bag of its lowercased words hashed into
 * 64 dimensions, so texts sharing words are near each other. Counts the documents it embeds.
 */
public final class WordHashEmbedder implements Embedder {
    final AtomicInteger embedded = new AtomicInteger();

    @Override
    public EmbeddingModel model() {
        return EmbeddingModel.BGE_SMALL_EN_V15_Q;
    }

    @Override
    public String cacheKey() {
        return "word-hash-64";
    }

    @Override
    public List<float[]> embedDocuments(List<String> texts) {
        embedded.addAndGet(texts.size());
        return texts.stream().map(WordHashEmbedder::vector).toList();
    }

    @Override
    public float[] embedQuery(String query) {
        return vector(query);
    }

    static float[] vector(String text) {
        float[] v = new float[64];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (!word.isEmpty()) {
                v[Math.floorMod(word.hashCode(), 64)] += 1;
            }
        }
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] = norm == 0 ? (i == 0 ? 1 : 0) : (float) (v[i] / Math.sqrt(norm));
        }
        return v;
    }

    @Override
    public void close() {}
}
