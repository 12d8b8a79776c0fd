package org.paperwire.subscription;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.db.Database;

/** The {@link SubscriberStoreContract} on SQLite. */
class SqliteSubscriberStoreTest extends SubscriberStoreContract {
    @TempDir
    Path dir;
    private Database db;

    @Override
    protected SubscriberStore newStore() {
        db = Database.open(dir);
        return new JdbcSubscriberStore(db.dataSource());
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }
}
