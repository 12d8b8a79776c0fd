package org.paperwire.ingest.bulk;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.List;
import org.paperwire.db.Database;
import org.paperwire.ingest.IngestReport;
import org.paperwire.ingest.PaperIngestor;
import org.paperwire.paper.Paper;
import org.paperwire.paper.PaperStore;
import org.paperwire.paper.JdbcPaperStore;

/** A real SQLite store in a temporary folder with a {@link BulkImporter} in front of it, for tests. */
final class BulkStore implements AutoCloseable {
    private final Database database;
    final PaperStore papers;
    final BulkImporter importer;

    BulkStore(Path dir) {
        database = Database.open(dir);
        papers = new JdbcPaperStore(database.dataSource(), InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z")));
        importer = new BulkImporter(new PaperIngestor(papers));
    }

    IngestReport load(ImportOptions options, Path... files) {
        return importer.importFiles(List.of(files), options, ImportProgress.NONE);
    }

    IngestReport load(Path... files) {
        return load(ImportOptions.detect(), files);
    }

    Paper paper(String id) {
        return papers.find(id).orElseThrow(() -> new AssertionError(id + " is not in the store"));
    }

    /** Runs one SQL statement on the store's database, e.g. to plant a failure. */
    void execute(String sql) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /**
     * SHA-256 over every paper row (all columns but the change number and time, which count writes) and every
     * category row, in key order: two stores with the same digest hold the same papers.
     */
    String digest() throws SQLException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
        try (Connection c = database.dataSource().getConnection(); Statement st = c.createStatement()) {
            for (String sql : List.of("SELECT id, version, title, abstract, authors, categories, comment, journal_ref, doi,"
                    + " first_submitted, last_updated, listed_on, content_listed_on FROM papers ORDER BY id",
                    "SELECT category, paper_id FROM paper_categories ORDER BY category, paper_id")) {
                try (ResultSet rs = st.executeQuery(sql)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            sha.update(String.valueOf(rs.getString(i)).getBytes(StandardCharsets.UTF_8));
                            sha.update((byte) 0);
                        }
                    }
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** A file under src/test/resources/fixtures/bulk. */
    static Path fixture(String name) {
        try {
            return Path.of(BulkStore.class.getResource("/fixtures/bulk/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new AssertionError("no fixture " + name, e);
        }
    }

    @Override
    public void close() {
        database.close();
    }
}
