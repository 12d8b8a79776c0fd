package org.paperwire.digest;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.db.Database;
import org.paperwire.subscription.JdbcSubscriberStore;

/** The {@link DigestOutboxContract} on SQLite. */
class SqliteDigestOutboxTest extends DigestOutboxContract {
    @TempDir
    Path dir;
    private Database db;

    @Override
    protected Stores newStores() {
        db = Database.open(dir);
        return new Stores(new JdbcSubscriberStore(db.dataSource()), new JdbcDigestOutbox(db.dataSource(), db.kind()),
                new JdbcMailOutbox(db.dataSource(), db.kind()));
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }
}
