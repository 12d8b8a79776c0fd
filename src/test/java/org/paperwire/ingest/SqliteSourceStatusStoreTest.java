package org.paperwire.ingest;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.paperwire.db.Database;
import org.paperwire.db.TestSqlite;

/** The {@link SourceStatusStoreContract} on SQLite. */
class SqliteSourceStatusStoreTest extends SourceStatusStoreContract {
    @RegisterExtension
    final TestSqlite sqlite = new TestSqlite();

    @Override
    protected Database emptyStore() {
        return sqlite.emptyStore();
    }
}
