package org.paperwire.library;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.db.Database;
import org.paperwire.subscription.JdbcSubscriberStore;

/** The {@link LibraryStoreContract} on SQLite. */
class SqliteLibraryStoreTest extends LibraryStoreContract {
    @TempDir
    Path dir;
    private Database db;

    @Override
    protected Stores newStores() {
        db = Database.open(dir);
        return new Stores(new JdbcLibraryStore(db.dataSource()), new JdbcSubscriberStore(db.dataSource()));
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }
}
