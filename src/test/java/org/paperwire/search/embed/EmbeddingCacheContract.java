package org.paperwire.search.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EmbeddingCache} must do, whatever it stores in: a subclass per implementation hands over a new,
 * empty cache for each test (and closes what it opened afterwards).
 */
abstract class EmbeddingCacheContract {
    /** A new, empty cache for one test. */
    protected abstract EmbeddingCache newCache();

    @Test
    void vectorsAreKeptByModelAndPipelineSettingsAndTextHash() {
        EmbeddingCache cache = newCache();
        String hash = EmbeddingCache.hash("a text");
        cache.putAll("bge/max512", Map.of(hash, new float[] {0.6f, -0.8f}));
        assertThat(cache.getAll("bge/max512", List.of(hash, EmbeddingCache.hash("other"))))
                .containsOnlyKeys(hash).extractingByKey(hash).isEqualTo(new float[] {0.6f, -0.8f});
        assertThat(cache.getAll("bge/max256", List.of(hash))).isEmpty();
        assertThat(cache.count("bge/max512")).isEqualTo(1);
    }

    @Test
    void aLaterVectorForTheSameModelAndTextReplacesTheEarlierOne() {
        EmbeddingCache cache = newCache();
        String hash = EmbeddingCache.hash("a text");
        cache.putAll("bge/max512", Map.of(hash, new float[] {1f, 0f}));
        cache.putAll("bge/max512", Map.of(hash, new float[] {0f, 1f}));
        assertThat(cache.getAll("bge/max512", List.of(hash))).extractingByKey(hash).isEqualTo(new float[] {0f, 1f});
        assertThat(cache.count("bge/max512")).isEqualTo(1);
    }

    @Test
    void readsMoreHashesThanOneQueryTakesAndNothingForNoHashes() {
        EmbeddingCache cache = newCache();
        Map<String, float[]> vectors = new HashMap<>();
        for (int i = 0; i < 1_000; i++) {
            vectors.put(EmbeddingCache.hash("text " + i), new float[] {i});
        }
        cache.putAll("m", vectors);
        assertThat(cache.getAll("m", List.copyOf(vectors.keySet()))).hasSize(1_000)
                .extractingByKey(EmbeddingCache.hash("text 999")).isEqualTo(new float[] {999f});
        assertThat(cache.getAll("m", List.of())).isEmpty();
        cache.putAll("m", Map.of());
        assertThat(cache.count("m")).isEqualTo(1_000);
        assertThat(cache.count("other")).isZero();
    }
}
