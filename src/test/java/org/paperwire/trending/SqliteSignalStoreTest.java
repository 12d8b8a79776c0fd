package org.paperwire.trending;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.paperwire.db.Database;
import org.paperwire.db.TestSqlite;

/** The {@link SignalStoreContract} on SQLite. */
class SqliteSignalStoreTest extends SignalStoreContract {
    @RegisterExtension
    final TestSqlite sqlite = new TestSqlite();

    @Override
    protected Database emptyStore() {
        return sqlite.emptyStore();
    }
}
