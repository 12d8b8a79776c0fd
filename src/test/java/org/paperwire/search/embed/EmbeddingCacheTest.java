package org.paperwire.search.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.db.Database;

class EmbeddingCacheTest {
    @TempDir
    Path dir;

    @Test
    void vectorsAreKeptByModelAndPipelineSettingsAndTextHash() {
        try (Database db = Database.open(dir)) {
            EmbeddingCache cache = new EmbeddingCache(db.dataSource());
            String hash = EmbeddingCache.hash("a text");
            cache.putAll("bge/max512", Map.of(hash, new float[] {0.6f, -0.8f}));
            assertThat(cache.getAll("bge/max512", List.of(hash, EmbeddingCache.hash("other"))))
                    .containsOnlyKeys(hash).extractingByKey(hash).isEqualTo(new float[] {0.6f, -0.8f});
            assertThat(cache.getAll("bge/max256", List.of(hash))).isEmpty();
            assertThat(cache.count("bge/max512")).isEqualTo(1);
        }
    }
}
