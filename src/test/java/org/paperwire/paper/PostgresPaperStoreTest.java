package org.paperwire.paper;

import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paperwire.db.Database;
import org.paperwire.db.TestPostgres;

/** The {@link PaperStoreContract} on PostgreSQL. */
class PostgresPaperStoreTest extends PaperStoreContract {
    @RegisterExtension
    static final TestPostgres POSTGRES = new TestPostgres();

    @Override
    protected Database emptyStore() {
        return POSTGRES.emptyStore();
    }

    @Override
    protected void failWritesOf(Database db, String id) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE OR REPLACE FUNCTION disk_on_fire() RETURNS trigger LANGUAGE plpgsql"
                    + " AS $$ BEGIN RAISE EXCEPTION 'disk on fire'; END $$");
            st.execute("CREATE TRIGGER fail_on_" + id.replace('.', '_') + " BEFORE INSERT ON papers FOR EACH ROW"
                    + " WHEN (NEW.id = '" + id + "') EXECUTE FUNCTION disk_on_fire()");
        }
    }
}
