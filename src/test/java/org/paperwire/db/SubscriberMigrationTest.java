package org.paperwire.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Issue 9, finding 1: V6 rebuilds {@code subscribers} with AUTOINCREMENT and a per-subscriber link key. A store
 * filled under V5 keeps every subscriber, topic and digest row, and the cascades still reach them.
 */
class SubscriberMigrationTest {
    @TempDir
    Path dir;

    @Test
    void aV5StoreKeepsItsSubscribersTopicsAndDigestsThroughTheRebuild() throws Exception {
        fillUnderV5();
        try (Database db = Database.open(dir)) {
            assertThat(strings(db.dataSource(), "SELECT email || ':' || status FROM subscribers ORDER BY id"))
                    .containsExactly("ada@example.org:active", "bob@example.org:pending");
            assertThat(count(db.dataSource(), "subscriber_topics")).isEqualTo(3);
            assertThat(count(db.dataSource(), "digest_outbox")).isEqualTo(2);
            assertThat(count(db.dataSource(), "digest_papers")).isEqualTo(2);
            assertThat(strings(db.dataSource(), "SELECT length(link_key) FROM subscribers")).containsOnly("64");
            assertThat(strings(db.dataSource(), "SELECT count(DISTINCT link_key) FROM subscribers")).containsExactly("2");
            assertThat(strings(db.dataSource(), "SELECT pending_since FROM subscribers WHERE status = 'pending'"))
                    .containsExactly("2000");
        }
    }

    @Test
    void removingAMigratedSubscriberStillCascadesToTopicsAndDigests() throws Exception {
        fillUnderV5();
        try (Database db = Database.open(dir)) {
            execute(db.dataSource(), "DELETE FROM subscribers WHERE email = 'ada@example.org'");
            assertThat(count(db.dataSource(), "subscriber_topics")).isEqualTo(1);
            assertThat(count(db.dataSource(), "digest_outbox")).isZero();
            assertThat(count(db.dataSource(), "digest_papers")).isZero();
            assertThat(strings(db.dataSource(), "PRAGMA foreign_key_check")).isEmpty();
        }
    }

    @Test
    void theIdOfTheNewestRemovedSubscriberIsNeverHandedOutAgain() throws Exception {
        fillUnderV5();
        try (Database db = Database.open(dir)) {
            execute(db.dataSource(), "DELETE FROM subscribers WHERE id = 2");
            execute(db.dataSource(), "INSERT INTO subscribers (email, status, created_at, link_key)"
                    + " VALUES ('eve@example.org', 'pending', 3000, 'k')");
            assertThat(strings(db.dataSource(), "SELECT id FROM subscribers WHERE email = 'eve@example.org'"))
                    .containsExactly("3");
        }
    }

    @Test
    void foreignKeysAreEnforcedAgainAfterTheMigration() throws Exception {
        fillUnderV5();
        try (Database db = Database.open(dir)) {
            assertThat(strings(db.dataSource(), "PRAGMA foreign_keys")).containsExactly("1");
        }
    }

    /** The store as V5 left it: an active subscriber with two topics and two digests, a pending one. */
    private void fillUnderV5() throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + dir.resolve("paperwire.db"));
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/sqlite").target("5").load().migrate();
        execute(ds, "INSERT INTO subscribers (id, email, status, created_at) VALUES (1, 'ada@example.org', 'active', 1000)");
        execute(ds, "INSERT INTO subscribers (id, email, status, created_at, last_mail_at)"
                + " VALUES (2, 'bob@example.org', 'pending', 1500, 2000)");
        execute(ds, "INSERT INTO subscriber_topics (subscriber_id, kind, value) VALUES (1, 'trending', ''),"
                + " (1, 'category', 'cs.CL'), (2, 'trending', '')");
        for (int i = 1; i <= 2; i++) {
            execute(ds, "INSERT INTO digest_outbox (id, subscriber_id, period, state, message_id, recipient, subject,"
                    + " html, text, list_unsubscribe, items, next_attempt_at, created_at) VALUES (" + i + ", 1, 'p" + i
                    + "', 'sent', 'm" + i + "', 'ada@example.org', 's', 'h', 't', 'u', 1, 0, 0)");
            execute(ds, "INSERT INTO digest_papers (subscriber_id, paper_id, outbox_id) VALUES (1, '2606.0000" + i
                    + "', " + i + ")");
        }
    }

    private static void execute(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static long count(DataSource ds, String table) throws SQLException {
        return Long.parseLong(strings(ds, "SELECT count(*) FROM " + table).getFirst());
    }

    private static List<String> strings(DataSource ds, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
