package org.paperwire.search;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.paperwire.config.PaperwireConfig.StoreConfig;
import org.paperwire.db.Database;
import org.paperwire.db.TestPostgres;

/**
 * {@link SharedEmbeddingContract} on PostgreSQL (skipped with a notice where no server answers). Disabled until the
 * PostgreSQL store port lands (branch pg-stores): the paper store's {@code INSERT OR IGNORE} and the embedding
 * cache's {@code INSERT OR REPLACE} are SQLite-only. With those two statements written as {@code ON CONFLICT} all
 * three tests passed on PostgreSQL 15; the leases themselves run there already ({@code PostgresEmbeddingLeasesTest}).
 */
class PostgresSharedEmbeddingTest extends SharedEmbeddingContract {
    @RegisterExtension
    static final TestPostgres POSTGRES = new TestPostgres();

    private StoreConfig store;

    @Override
    protected Database openSharedStore() {
        if (store == null) {
            store = POSTGRES.freshDatabase();
        }
        return Database.open(dir.resolve("unused"), store);
    }
}
