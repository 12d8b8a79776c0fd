package org.paperwire.paper;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Migration V11 (the same on SQLite and PostgreSQL): {@code papers.title_hash}, the {@link TitleKey#hash()} of each
 * paper's title, and an index on it, so that a library import matches titles against millions of papers with one
 * indexed lookup per title. The key is computed in Java (TeX, accents and Greek letters cannot be normalized in
 * portable SQL), so this migration is Java: it fills the column for the papers already stored, in pages by id,
 * and builds the index afterwards (faster than keeping it up to date row by row). New and changed papers get
 * their hash from the store as they are written. The 8-byte hash keeps the index small (the title itself would
 * double the size of a 2.7-million-paper store's index); two titles sharing a hash are told apart on reading.
 */
public final class TitleHashColumn {
    private static final int PAGE = 5_000;

    private TitleHashColumn() {}

    public static void migrate(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("ALTER TABLE papers ADD COLUMN title_hash BIGINT");
        }
        String after = "";
        while (after != null) {
            after = fillPage(c, after);
        }
        try (Statement st = c.createStatement()) {
            st.execute("CREATE INDEX papers_by_title_hash ON papers (title_hash)");
        }
    }

    /** Fills the hashes of the next page of papers after id {@code after}; the last id done, or null at the end. */
    private static String fillPage(Connection c, String after) throws SQLException {
        List<String[]> page = new ArrayList<>(PAGE);
        try (PreparedStatement ps = c.prepareStatement("SELECT id, title FROM papers WHERE id > ? ORDER BY id LIMIT ?")) {
            ps.setString(1, after);
            ps.setInt(2, PAGE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    page.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        if (page.isEmpty()) {
            return null;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE papers SET title_hash = ? WHERE id = ?")) {
            for (String[] row : page) {
                ps.setLong(1, TitleKey.of(row[1]).hash());
                ps.setString(2, row[0]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return page.getLast()[0];
    }
}
