package org.paperwire.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paperwire.paper.Papers.paper;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
     * the other wrote, not over it. Made to happen in this order: another writer (a connection of the test) takes
     * the change numbers first; the store's writer of version 1 reads the paper (absent) and queues for the numbers;
     * the other writes version 5 and commits. The store's writer must then leave version 5 in place.
     */
    @Test
    void aWriterThatReadAPaperBeforeAnotherWroteItMergesIntoTheNewerRow() throws Exception {
        Database db = emptyStore();
        PaperStore store = new JdbcPaperStore(db.dataSource(), CLOCK);
        Paper five = paper("2501.00001", 5, "Five");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection other = db.dataSource().getConnection()) {
            other.setAutoCommit(false);
            long seq;
            try (Statement st = other.createStatement(); ResultSet rs = st.executeQuery(
                    "UPDATE counters SET value = value + 1 WHERE name = 'paper_seq' RETURNING value")) {
                rs.next();
                seq = rs.getLong(1);
            }
            Future<List<UpsertOutcome>> stale = pool.submit(() -> store.upsertAll(List.of(paper("2501.00001", 1, "One"))));
            awaitWaiting(db);
            try (PreparedStatement ps = other.prepareStatement("INSERT INTO papers (id, version, title, abstract,"
                    + " authors, categories, first_submitted, last_updated, listed_on, seq, changed_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'x')")) {
                ps.setString(1, five.id());
                ps.setInt(2, five.version());
                ps.setString(3, five.title());
                ps.setString(4, five.abstractText());
                ps.setString(5, new ObjectMapper().writeValueAsString(five.authors()));
                ps.setString(6, String.join(" ", five.categories()));
                ps.setString(7, five.firstSubmitted().toString());
                ps.setString(8, five.lastUpdated().toString());
                ps.setString(9, five.listedOn().toString());
                ps.setLong(10, seq);
                ps.executeUpdate();
            }
            other.commit();

            assertThat(stale.get()).containsExactly(UpsertOutcome.UNCHANGED);
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.find("2501.00001")).contains(five);
        assertThat(store.changesSince(0, 10)).singleElement().extracting(PaperStore.Change::seq).isEqualTo(1L);
    }

    /** Waits until a writer of the test database waits for the change numbers (fails after a minute). */
    private static void awaitWaiting(Database db) throws Exception {
        for (int i = 0; i < 600; i++) {
            try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname ="
                            + " current_database() AND wait_event_type = 'Lock' AND query LIKE 'UPDATE counters%'")) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no writer queued for the change numbers within a minute");
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
