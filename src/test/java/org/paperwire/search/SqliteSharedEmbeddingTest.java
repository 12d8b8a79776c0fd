package org.paperwire.search;

import org.paperwire.db.Database;

/** {@link SharedEmbeddingContract} on SQLite: two nodes are two connection pools on one store file. */
class SqliteSharedEmbeddingTest extends SharedEmbeddingContract {
    @Override
    protected Database openSharedStore() {
        return Database.open(dir.resolve("shared"));
    }
}
