package org.paperwire.library;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.paperwire.db.Jdbc;

/**
 * {@link LibraryStore} in portable SQL ({@code V10__reader_sessions_and_library.sql}): the same statements run on
 * SQLite and PostgreSQL. Collection names are unique per reader through {@code name_key}, the name lower-cased
 * here, so no collation is needed.
 */
public final class JdbcLibraryStore implements LibraryStore {
    private static final String COLLECTION = "SELECT id, subscriber_id, name, created_at, revision FROM library_collections";

    private final DataSource db;

    public JdbcLibraryStore(DataSource db) {
        this.db = db;
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public List<LibraryCollection> collections(long readerId) {
        return Jdbc.read(db, "read the collections of reader " + readerId, c -> {
            try (PreparedStatement st = c.prepareStatement(COLLECTION + " WHERE subscriber_id = ? ORDER BY id")) {
                st.setLong(1, readerId);
                return collections(st);
            }
        });
    }

    @Override
    public Optional<LibraryCollection> collection(long readerId, long collectionId) {
        return Jdbc.read(db, "read collection " + collectionId, c -> {
            try (PreparedStatement st = c.prepareStatement(COLLECTION + " WHERE id = ? AND subscriber_id = ?")) {
                st.setLong(1, collectionId);
                st.setLong(2, readerId);
                return collections(st).stream().findFirst();
            }
        });
    }

    @Override
    public Optional<LibraryCollection> collectionNamed(long readerId, String name) {
        return Jdbc.read(db, "find a collection by name", c -> named(c, readerId, name));
    }

    private static Optional<LibraryCollection> named(Connection c, long readerId, String name) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(COLLECTION + " WHERE subscriber_id = ? AND name_key = ?")) {
            st.setLong(1, readerId);
            st.setString(2, key(name));
            return collections(st).stream().findFirst();
        }
    }

    private static List<LibraryCollection> collections(PreparedStatement st) throws SQLException {
        List<LibraryCollection> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(new LibraryCollection(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        Instant.ofEpochMilli(rs.getLong(4)), rs.getLong(5)));
            }
        }
        return out;
    }

    @Override
    public Optional<LibraryCollection> create(long readerId, String name, Instant now) {
        return Jdbc.inTransaction(db, "add collection '" + name + "'", c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO library_collections (subscriber_id, name,"
                    + " name_key, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (subscriber_id, name_key) DO NOTHING")) {
                st.setLong(1, readerId);
                st.setString(2, name);
                st.setString(3, key(name));
                st.setLong(4, now.toEpochMilli());
                if (st.executeUpdate() == 0) {
                    return Optional.empty();
                }
            }
            return named(c, readerId, name);
        });
    }

    @Override
    public boolean rename(long readerId, long collectionId, String name) {
        return Jdbc.inTransaction(db, "rename collection " + collectionId, c -> {
            Optional<LibraryCollection> other = named(c, readerId, name);
            if (other.isPresent() && other.get().id() != collectionId) {
                return false;
            }
            try (PreparedStatement st = c.prepareStatement("UPDATE library_collections SET name = ?, name_key = ?"
                    + " WHERE id = ? AND subscriber_id = ?")) {
                st.setString(1, name);
                st.setString(2, key(name));
                st.setLong(3, collectionId);
                st.setLong(4, readerId);
                return st.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean delete(long readerId, long collectionId) {
        return Jdbc.inTransaction(db, "delete collection " + collectionId, c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "DELETE FROM library_collections WHERE id = ? AND subscriber_id = ?")) {
                st.setLong(1, collectionId);
                st.setLong(2, readerId);
                return st.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean add(long collectionId, String paperId, Instant now) {
        return Jdbc.inTransaction(db, "save " + paperId + " in collection " + collectionId, c -> {
            boolean added = insertItem(c, collectionId, paperId, now.toEpochMilli());
            int unrated = update(c, "DELETE FROM library_ratings WHERE collection_id = ? AND paper_id = ? AND rating < 0",
                    collectionId, paperId);
            if (added || unrated > 0) {
                bump(c, collectionId);
            }
            return added;
        });
    }

    private static boolean insertItem(Connection c, long collectionId, String paperId, long addedAt) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO library_items (collection_id, paper_id, added_at)"
                + " VALUES (?, ?, ?) ON CONFLICT (collection_id, paper_id) DO NOTHING")) {
            st.setLong(1, collectionId);
            st.setString(2, paperId);
            st.setLong(3, addedAt);
            return st.executeUpdate() == 1;
        }
    }

    @Override
    public boolean remove(long collectionId, String paperId) {
        return Jdbc.inTransaction(db, "remove " + paperId + " from collection " + collectionId,
                c -> removeItem(c, collectionId, paperId));
    }

    private static boolean removeItem(Connection c, long collectionId, String paperId) throws SQLException {
        boolean removed = update(c, "DELETE FROM library_items WHERE collection_id = ? AND paper_id = ?",
                collectionId, paperId) == 1;
        if (removed) {
            bump(c, collectionId);
        }
        return removed;
    }

    @Override
    public boolean move(long from, long to, String paperId) {
        return Jdbc.inTransaction(db, "move " + paperId + " from collection " + from + " to " + to, c -> {
            Long addedAt = null;
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT added_at FROM library_items WHERE collection_id = ? AND paper_id = ?")) {
                st.setLong(1, from);
                st.setString(2, paperId);
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        addedAt = rs.getLong(1);
                    }
                }
            }
            if (addedAt == null || from == to) {
                return addedAt != null;
            }
            removeItem(c, from, paperId);
            insertItem(c, to, paperId, addedAt);
            update(c, "DELETE FROM library_ratings WHERE collection_id = ? AND paper_id = ? AND rating < 0", to, paperId);
            bump(c, to);
            return true;
        });
    }

    @Override
    public List<SavedPaper> papers(long collectionId) {
        return Jdbc.read(db, "read the papers of collection " + collectionId, c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT paper_id, added_at FROM library_items"
                    + " WHERE collection_id = ? ORDER BY added_at DESC, paper_id")) {
                st.setLong(1, collectionId);
                List<SavedPaper> out = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(new SavedPaper(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2))));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public Set<String> savedOrRatedIds(long readerId) {
        return paperIds("read the saved and rated papers of reader " + readerId, "SELECT i.paper_id FROM library_items i"
                + " JOIN library_collections c ON c.id = i.collection_id WHERE c.subscriber_id = ?"
                + " UNION SELECT r.paper_id FROM library_ratings r"
                + " JOIN library_collections c ON c.id = r.collection_id WHERE c.subscriber_id = ?", readerId, readerId);
    }

    @Override
    public Set<String> savedIds(long readerId) {
        return paperIds("read the saved papers of reader " + readerId, "SELECT DISTINCT i.paper_id FROM library_items i"
                + " JOIN library_collections c ON c.id = i.collection_id WHERE c.subscriber_id = ?"
                + " ORDER BY i.paper_id", readerId);
    }

    /** The paper ids a query's first column gives, in its order. */
    private Set<String> paperIds(String operation, String sql, long... params) {
        return Jdbc.read(db, operation, c -> {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    st.setLong(i + 1, params[i]);
                }
                Set<String> out = new LinkedHashSet<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public void rate(long collectionId, String paperId, Rating rating, Instant now) {
        Jdbc.inTransaction(db, "rate " + paperId + " in collection " + collectionId, c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO library_ratings (collection_id, paper_id,"
                    + " rating, rated_at) VALUES (?, ?, ?, ?) ON CONFLICT (collection_id, paper_id)"
                    + " DO UPDATE SET rating = excluded.rating, rated_at = excluded.rated_at")) {
                st.setLong(1, collectionId);
                st.setString(2, paperId);
                st.setInt(3, rating.value());
                st.setLong(4, now.toEpochMilli());
                st.executeUpdate();
            }
            if (rating == Rating.NOT_FOR_ME) {
                update(c, "DELETE FROM library_items WHERE collection_id = ? AND paper_id = ?", collectionId, paperId);
            }
            bump(c, collectionId);
            return null;
        });
    }

    @Override
    public boolean unrate(long collectionId, String paperId) {
        return Jdbc.inTransaction(db, "take back the rating of " + paperId + " in collection " + collectionId, c -> {
            boolean removed = update(c, "DELETE FROM library_ratings WHERE collection_id = ? AND paper_id = ?",
                    collectionId, paperId) == 1;
            if (removed) {
                bump(c, collectionId);
            }
            return removed;
        });
    }

    @Override
    public List<RatedPaper> ratings(long collectionId) {
        return Jdbc.read(db, "read the ratings of collection " + collectionId, c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT paper_id, rating, rated_at FROM library_ratings"
                    + " WHERE collection_id = ? ORDER BY rated_at DESC, paper_id")) {
                st.setLong(1, collectionId);
                List<RatedPaper> out = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(new RatedPaper(rs.getString(1), Rating.of(rs.getInt(2)),
                                Instant.ofEpochMilli(rs.getLong(3))));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public Map<Long, List<LibraryCollection>> collections(Collection<Long> readerIds) {
        Map<Long, List<LibraryCollection>> out = new HashMap<>();
        Jdbc.readByIds(db, "read the collections of " + readerIds.size() + " readers", readerIds,
                marks -> COLLECTION + " WHERE subscriber_id IN (" + marks + ") ORDER BY id",
                rs -> out.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(new LibraryCollection(rs.getLong(1),
                        rs.getLong(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)), rs.getLong(5))));
        return out;
    }

    @Override
    public Map<Long, Set<String>> savedOrRatedIds(Collection<Long> readerIds) {
        Map<Long, Set<String>> out = new HashMap<>();
        Jdbc.readByIds(db, "read the saved and rated papers of " + readerIds.size() + " readers", readerIds,
                marks -> "SELECT c.subscriber_id, i.paper_id FROM library_items i"
                        + " JOIN library_collections c ON c.id = i.collection_id WHERE c.subscriber_id IN (" + marks + ")"
                        + " UNION SELECT c.subscriber_id, r.paper_id FROM library_ratings r"
                        + " JOIN library_collections c ON c.id = r.collection_id WHERE c.subscriber_id IN (" + marks + ")",
                rs -> out.computeIfAbsent(rs.getLong(1), k -> new LinkedHashSet<>()).add(rs.getString(2)));
        return out;
    }

    @Override
    public Map<Long, List<SavedPaper>> papers(Collection<Long> collectionIds) {
        Map<Long, List<SavedPaper>> out = new HashMap<>();
        Jdbc.readByIds(db, "read the papers of " + collectionIds.size() + " collections", collectionIds,
                marks -> "SELECT collection_id, paper_id, added_at FROM library_items WHERE collection_id IN (" + marks
                        + ") ORDER BY collection_id, added_at DESC, paper_id",
                rs -> out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new SavedPaper(rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)))));
        return out;
    }

    @Override
    public Map<Long, List<RatedPaper>> ratings(Collection<Long> collectionIds) {
        Map<Long, List<RatedPaper>> out = new HashMap<>();
        Jdbc.readByIds(db, "read the ratings of " + collectionIds.size() + " collections", collectionIds,
                marks -> "SELECT collection_id, paper_id, rating, rated_at FROM library_ratings WHERE collection_id IN ("
                        + marks + ") ORDER BY collection_id, rated_at DESC, paper_id",
                rs -> out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new RatedPaper(rs.getString(2), Rating.of(rs.getInt(3)), Instant.ofEpochMilli(rs.getLong(4)))));
        return out;
    }

    @Override
    public List<Long> readers() {
        return Jdbc.read(db, "list the readers with a library", c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT DISTINCT subscriber_id FROM library_collections ORDER BY subscriber_id");
                    ResultSet rs = st.executeQuery()) {
                List<Long> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
                return out;
            }
        });
    }

    private static int update(Connection c, String sql, long collectionId, String paperId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setLong(1, collectionId);
            st.setString(2, paperId);
            return st.executeUpdate();
        }
    }

    private static void bump(Connection c, long collectionId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "UPDATE library_collections SET revision = revision + 1 WHERE id = ?")) {
            st.setLong(1, collectionId);
            st.executeUpdate();
        }
    }
}
