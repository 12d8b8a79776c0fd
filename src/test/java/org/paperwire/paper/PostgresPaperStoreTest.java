package org.paperwire.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paperwire.paper.Papers.paper;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
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

    /**
     * PostgreSQL's writers run side by side: one that read a paper before another wrote it must merge into what
     * the other wrote, not over it. Made to happen in order: the counters row is held while a writer of version 5
     * and then one of version 1 read the (absent) paper and queue for it; the first writes version 5, and the
     * second, whose read is stale, must still leave version 5 in place.
     */
    @Test
    void aWriterThatReadAPaperBeforeAnotherWroteItMergesIntoTheNewerRow() throws Exception {
        Database db = emptyStore();
        PaperStore store = new JdbcPaperStore(db.dataSource(), CLOCK);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Connection holder = db.dataSource().getConnection()) {
            holder.setAutoCommit(false);
            try (Statement st = holder.createStatement()) {
                st.executeUpdate("UPDATE counters SET value = value WHERE name = 'paper_seq'");
            }
            Future<List<UpsertOutcome>> newer = pool.submit(() -> store.upsertAll(List.of(paper("2501.00001", 5, "Five"))));
            awaitWaiting(db, 1);
            Future<List<UpsertOutcome>> stale = pool.submit(() -> store.upsertAll(List.of(paper("2501.00001", 1, "One"))));
            awaitWaiting(db, 2);
            holder.commit();

            assertThat(newer.get()).containsExactly(UpsertOutcome.NEW);
            assertThat(stale.get()).containsExactly(UpsertOutcome.UNCHANGED);
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.find("2501.00001")).get().extracting(Paper::version, Paper::title).containsExactly(5, "Five");
        assertThat(store.changesSince(0, 10)).hasSize(1);
    }

    /** Waits until {@code n} sessions of the test database wait for a lock (fails after a minute). */
    private static void awaitWaiting(Database db, int n) throws Exception {
        for (int i = 0; i < 600; i++) {
            try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity"
                            + " WHERE datname = current_database() AND wait_event_type = 'Lock'")) {
                rs.next();
                if (rs.getInt(1) >= n) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + n + " writers queued for the counters row within a minute");
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
