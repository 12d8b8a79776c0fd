package org.paperwire.digest;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.db.Database;
import org.paperwire.subscription.SqliteSubscriberStore;

/** The {@link DigestOutboxContract} on SQLite. */
class SqliteDigestOutboxTest extends DigestOutboxContract {
    @TempDir
    Path dir;
    private Database db;

    @Override
    protected Stores newStores() {
        db = Database.open(dir);
        return new Stores(new SqliteSubscriberStore(db.dataSource()), new SqliteDigestOutbox(db.dataSource()),
                new SqliteMailOutbox(db.dataSource()));
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }
}
