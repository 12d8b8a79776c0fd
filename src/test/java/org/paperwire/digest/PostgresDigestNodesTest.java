package org.paperwire.digest;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.paperwire.config.ConfigKey;
import org.paperwire.config.ConfigSources;
import org.paperwire.config.PaperwireConfig.StoreConfig;
import org.paperwire.db.TestPostgres;

/**
 * The {@link DigestNodesContract} on PostgreSQL (skipped with a notice where no server answers): several real
 * nodes' case, where two nodes' outbox claims are kept apart by row locks (FOR UPDATE SKIP LOCKED), not by
 * SQLite's one writer.
 */
class PostgresDigestNodesTest extends DigestNodesContract {
    @RegisterExtension
    static final TestPostgres POSTGRES = new TestPostgres();

    @Override
    protected ConfigSources store(ConfigSources sources) {
        StoreConfig store = POSTGRES.freshDatabase();
        return sources.with(ConfigKey.STORE_URL, store.url()).with(ConfigKey.STORE_USERNAME, store.username())
                .with(ConfigKey.STORE_PASSWORD, store.password());
    }
}
