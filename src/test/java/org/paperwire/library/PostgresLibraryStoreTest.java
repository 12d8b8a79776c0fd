package org.paperwire.library;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.paperwire.db.Database;
import org.paperwire.db.TestPostgres;
import org.paperwire.subscription.JdbcSubscriberStore;

/** The {@link LibraryStoreContract} on PostgreSQL (skipped with a notice where no server answers; required in CI). */
class PostgresLibraryStoreTest extends LibraryStoreContract {
    @RegisterExtension
    static final TestPostgres POSTGRES = new TestPostgres();

    @Override
    protected Stores newStores() {
        Database db = POSTGRES.emptyStore();
        return new Stores(new JdbcLibraryStore(db.dataSource()), new JdbcSubscriberStore(db.dataSource()));
    }
}
