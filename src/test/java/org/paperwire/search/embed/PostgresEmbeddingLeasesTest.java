package org.paperwire.search.embed;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.db.Database;
import org.paperwire.db.TestPostgres;

/** The {@link EmbeddingLeasesContract} on PostgreSQL (skipped with a notice where no server answers). */
class PostgresEmbeddingLeasesTest extends EmbeddingLeasesContract {
    @RegisterExtension
    static final TestPostgres POSTGRES = new TestPostgres();

    @TempDir
    Path dir;
    private Database db;

    @Override
    protected EmbeddingLeases newLeases() {
        db = Database.open(dir, POSTGRES.freshDatabase());
        return new JdbcEmbeddingLeases(db.dataSource());
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }
}
