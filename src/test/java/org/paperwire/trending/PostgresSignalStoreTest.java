package org.paperwire.trending;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.paperwire.db.Database;
import org.paperwire.db.TestPostgres;

/** The {@link SignalStoreContract} on PostgreSQL. */
class PostgresSignalStoreTest extends SignalStoreContract {
    @RegisterExtension
    static final TestPostgres POSTGRES = new TestPostgres();

    @Override
    protected Database emptyStore() {
        return POSTGRES.emptyStore();
    }
}
