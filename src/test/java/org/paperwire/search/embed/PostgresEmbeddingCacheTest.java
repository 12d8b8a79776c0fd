package org.paperwire.search.embed;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.paperwire.db.TestPostgres;

/** The {@link EmbeddingCacheContract} on PostgreSQL. */
class PostgresEmbeddingCacheTest extends EmbeddingCacheContract {
    @RegisterExtension
    static final TestPostgres POSTGRES = new TestPostgres();

    @Override
    protected EmbeddingCache newCache() {
        return new JdbcEmbeddingCache(POSTGRES.emptyStore().dataSource());
    }
}
