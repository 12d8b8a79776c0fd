package org.paperwire.search.embed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Document vectors stored by {@link Embedder#cacheKey()} (model and truncation) and SHA-256 of the embedded text, so that a reindex, a restart or a
 * second evaluation run never embeds the same text with the same model twice. Its implementation,
 * {@link JdbcEmbeddingCache}, runs on SQLite and PostgreSQL; {@code EmbeddingCacheContract} (tests) says what every implementation must do.
 */
public interface EmbeddingCache {
    /** The cache key of a text: hex SHA-256 of its UTF-8 bytes. */
    static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The cached vectors among {@code hashes}, by hash; absent hashes are missing from the map. */
    Map<String, float[]> getAll(String key, List<String> hashes);

    /** Stores vectors by text hash (replacing any earlier vector of the same model and hash). */
    void putAll(String key, Map<String, float[]> vectors);

    /** Vectors cached under {@code key}. */
    long count(String key);
}
