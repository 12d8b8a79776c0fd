package org.paperwire.digest;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.paperwire.db.Database;
import org.paperwire.db.TestPostgres;
import org.paperwire.subscription.JdbcSubscriberStore;

/** The {@link DigestOutboxContract} on PostgreSQL. */
class PostgresDigestOutboxTest extends DigestOutboxContract {
    @RegisterExtension
    static final TestPostgres POSTGRES = new TestPostgres();

    @Override
    protected Stores newStores() {
        Database db = POSTGRES.emptyStore();
        return new Stores(new JdbcSubscriberStore(db.dataSource()), new JdbcDigestOutbox(db.dataSource(), db.kind()),
                new JdbcMailOutbox(db.dataSource(), db.kind()));
    }
}
