package org.paperwire.subscription;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.paperwire.db.TestPostgres;

/** The {@link SubscriberStoreContract} on PostgreSQL. */
class PostgresSubscriberStoreTest extends SubscriberStoreContract {
    @RegisterExtension
    static final TestPostgres POSTGRES = new TestPostgres();

    @Override
    protected SubscriberStore newStore() {
        return new JdbcSubscriberStore(POSTGRES.emptyStore().dataSource());
    }
}
