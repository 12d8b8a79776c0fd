package org.paperwire.reader;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.paperwire.db.Database;
import org.paperwire.db.TestPostgres;
import org.paperwire.subscription.JdbcSubscriberStore;

/** The {@link SessionStoreContract} on PostgreSQL (skipped with a notice where no server answers; required in CI). */
class PostgresSessionStoreTest extends SessionStoreContract {
    @RegisterExtension
    static final TestPostgres POSTGRES = new TestPostgres();

    @Override
    protected Stores newStores() {
        Database db = POSTGRES.emptyStore();
        return new Stores(new JdbcSessionStore(db.dataSource()), new JdbcSubscriberStore(db.dataSource()));
    }
}
