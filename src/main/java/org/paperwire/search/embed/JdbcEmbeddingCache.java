package org.paperwire.search.embed;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.paperwire.db.Jdbc;

/** {@link EmbeddingCache} in SQL that runs on SQLite and PostgreSQL: table {@code embedding_cache} (migration V2). */
public final class JdbcEmbeddingCache implements EmbeddingCache {
    private static final int IN_CHUNK = 400;

    private final DataSource dataSource;

    public JdbcEmbeddingCache(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Map<String, float[]> getAll(String key, List<String> hashes) {
        if (hashes.isEmpty()) {
            return Map.of();
        }
        return Jdbc.read(dataSource, "read " + hashes.size() + " cached " + key + " vectors", c -> {
            Map<String, float[]> found = new HashMap<>();
            for (int from = 0; from < hashes.size(); from += IN_CHUNK) {
                List<String> chunk = hashes.subList(from, Math.min(hashes.size(), from + IN_CHUNK));
                String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT text_hash, vector FROM embedding_cache WHERE model = ? AND text_hash IN (" + marks + ")")) {
                    ps.setString(1, key);
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setBytes(i + 2, HexFormat.of().parseHex(chunk.get(i)));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.put(HexFormat.of().formatHex(rs.getBytes(1)), decode(rs.getBytes(2)));
                        }
                    }
                }
            }
            return found;
        });
    }

    @Override
    public void putAll(String key, Map<String, float[]> vectors) {
        if (vectors.isEmpty()) {
            return;
        }
        Jdbc.inTransaction(dataSource, "cache " + vectors.size() + " " + key + " vectors", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO embedding_cache (model, text_hash, vector) VALUES (?, ?, ?)"
                    + " ON CONFLICT (model, text_hash) DO UPDATE SET vector = excluded.vector")) {
                for (Map.Entry<String, float[]> e : vectors.entrySet()) {
                    ps.setString(1, key);
                    ps.setBytes(2, HexFormat.of().parseHex(e.getKey()));
                    ps.setBytes(3, encode(e.getValue()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public long count(String key) {
        return Jdbc.read(dataSource, "count cached " + key + " vectors", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM embedding_cache WHERE model = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    static byte[] encode(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    static float[] decode(byte[] bytes) {
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}
