package org.paperwire.schedule;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.db.Database;

/** The {@link LeasesContract} on SQLite. */
class SqliteLeasesTest extends LeasesContract {
    @TempDir
    Path dir;
    private Database db;

    @Override
    protected Leases newLeases() {
        db = Database.open(dir);
        return new JdbcLeases(db.dataSource());
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }
}
