package org.paperwire.search.embed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.paperwire.db.Jdbc;

/**
 * {@link EmbeddingLeases} in the store's table {@code embedding_leases} (migration V12), in SQL that SQLite and
 * PostgreSQL run alike. Taking is one upsert that overwrites a row only when its lease has expired or is the
 * taker's own, and returns the rows it wrote: two takers racing for a paper both run it, and on PostgreSQL the
 * second waits for the first's row lock, then finds the lease live and leaves it.
 */
public final class JdbcEmbeddingLeases implements EmbeddingLeases {
    /** Papers per statement: four parameters each, well under both databases' limits. */
    private static final int CHUNK = 250;

    private final DataSource dataSource;

    public JdbcEmbeddingLeases(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Taken take(String key, List<String> paperIds, String holder, Instant now, Instant until) {
        if (paperIds.isEmpty()) {
            return new Taken(List.of(), Map.of());
        }
        // one order for every taker: PostgreSQL locks each conflicting row, and two takers locking the same rows
        // in different orders could deadlock
        List<String> ids = paperIds.stream().distinct().sorted().toList();
        return Jdbc.inTransaction(dataSource, "lease " + ids.size() + " papers for embedding as " + holder, c -> {
            Set<String> mine = new HashSet<>();
            for (List<String> chunk : chunks(ids)) {
                mine.addAll(upsert(c, key, chunk, holder, now, until));
            }
            List<String> others = ids.stream().filter(id -> !mine.contains(id)).toList();
            Map<String, Instant> heldUntil = new HashMap<>();
            for (List<String> chunk : chunks(others)) {
                heldUntil.putAll(expiries(c, key, chunk));
            }
            return new Taken(paperIds.stream().distinct().filter(mine::contains).toList(), heldUntil);
        });
    }

    private static List<String> upsert(Connection c, String key, List<String> ids, String holder, Instant now,
            Instant until) throws SQLException {
        String rows = String.join(",", Collections.nCopies(ids.size(), "(?,?,?,?)"));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO embedding_leases (model, paper_id, holder, expires_at)"
                + " VALUES " + rows + " ON CONFLICT (model, paper_id) DO UPDATE SET holder = excluded.holder,"
                + " expires_at = excluded.expires_at"
                + " WHERE embedding_leases.expires_at <= ? OR embedding_leases.holder = excluded.holder"
                + " RETURNING paper_id")) {
            int i = 1;
            for (String id : ids) {
                ps.setString(i++, key);
                ps.setString(i++, id);
                ps.setString(i++, holder);
                ps.setLong(i++, until.toEpochMilli());
            }
            ps.setLong(i, now.toEpochMilli());
            List<String> taken = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    taken.add(rs.getString(1));
                }
            }
            return taken;
        }
    }

    private static Map<String, Instant> expiries(Connection c, String key, List<String> ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT paper_id, expires_at FROM embedding_leases"
                + " WHERE model = ? AND paper_id IN (" + marks(ids) + ")")) {
            ps.setString(1, key);
            for (int i = 0; i < ids.size(); i++) {
                ps.setString(i + 2, ids.get(i));
            }
            Map<String, Instant> found = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)));
                }
            }
            return found;
        }
    }

    @Override
    public void release(String key, List<String> paperIds, String holder) {
        if (paperIds.isEmpty()) {
            return;
        }
        List<String> ids = paperIds.stream().distinct().sorted().toList();
        Jdbc.inTransaction(dataSource, "release " + ids.size() + " embedding leases of " + holder, c -> {
            for (List<String> chunk : chunks(ids)) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM embedding_leases"
                        + " WHERE model = ? AND holder = ? AND paper_id IN (" + marks(chunk) + ")")) {
                    ps.setString(1, key);
                    ps.setString(2, holder);
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setString(i + 3, chunk.get(i));
                    }
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    private static List<List<String>> chunks(List<String> ids) {
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
        }
        return chunks;
    }

    private static String marks(List<String> ids) {
        return String.join(",", Collections.nCopies(ids.size(), "?"));
    }
}
