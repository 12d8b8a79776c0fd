package org.paperwire.search.embed;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.db.Database;

/** The {@link EmbeddingCacheContract} on SQLite. */
class SqliteEmbeddingCacheTest extends EmbeddingCacheContract {
    @TempDir
    Path dir;
    private Database db;

    @Override
    protected EmbeddingCache newCache() {
        db = Database.open(dir);
        return new JdbcEmbeddingCache(db.dataSource());
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }
}
