package org.paperwire.paper;

import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paperwire.db.Database;
import org.paperwire.db.TestSqlite;

/** The {@link PaperStoreContract} on SQLite. */
class SqlitePaperStoreTest extends PaperStoreContract {
    @RegisterExtension
    final TestSqlite sqlite = new TestSqlite();

    @Override
    protected Database emptyStore() {
        return sqlite.emptyStore();
    }

    @Override
    protected void failWritesOf(Database db, String id) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TRIGGER fail_on_" + id.replace('.', '_') + " BEFORE INSERT ON papers WHEN NEW.id = '"
                    + id + "' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
        }
    }
}
