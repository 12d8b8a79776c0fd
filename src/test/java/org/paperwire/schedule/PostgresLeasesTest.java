package org.paperwire.schedule;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.db.Database;
import org.paperwire.db.TestPostgres;

/** The {@link LeasesContract} on PostgreSQL (skipped with a notice where no server answers). */
class PostgresLeasesTest extends LeasesContract {
    @RegisterExtension
    static final TestPostgres POSTGRES = new TestPostgres();

    @TempDir
    Path dir;
    private Database db;

    @Override
    protected Leases newLeases() {
        db = Database.open(dir, POSTGRES.freshDatabase());
        return new JdbcLeases(db.dataSource());
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }
}
