package org.paperwire.ingest;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.paperwire.db.Database;
import org.paperwire.db.TestPostgres;

/** The {@link SourceStatusStoreContract} on PostgreSQL. */
class PostgresSourceStatusStoreTest extends SourceStatusStoreContract {
    @RegisterExtension
    static final TestPostgres POSTGRES = new TestPostgres();

    @Override
    protected Database emptyStore() {
        return POSTGRES.emptyStore();
    }
}
