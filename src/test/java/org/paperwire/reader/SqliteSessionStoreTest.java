package org.paperwire.reader;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.db.Database;
import org.paperwire.subscription.JdbcSubscriberStore;

/** The {@link SessionStoreContract} on SQLite. */
class SqliteSessionStoreTest extends SessionStoreContract {
    @TempDir
    Path dir;
    private Database db;

    @Override
    protected Stores newStores() {
        db = Database.open(dir);
        return new Stores(new JdbcSessionStore(db.dataSource()), new JdbcSubscriberStore(db.dataSource()));
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }
}
