package org.paperwire.search.embed;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.db.Database;

/** The {@link EmbeddingLeasesContract} on SQLite. */
class SqliteEmbeddingLeasesTest extends EmbeddingLeasesContract {
    @TempDir
    Path dir;
    private Database db;

    @Override
    protected EmbeddingLeases newLeases() {
        db = Database.open(dir);
        return new JdbcEmbeddingLeases(db.dataSource());
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }
}
