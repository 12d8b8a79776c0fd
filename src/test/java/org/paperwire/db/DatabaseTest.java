package org.paperwire.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening the store: a fresh folder is created and migrated to the newest schema; opening again changes nothing. */
class DatabaseTest {
    @TempDir
    Path dir;

    static List<String> strings(DataSource ds, String sql) {
        return Jdbc.read(ds, "run " + sql, c -> {
            List<String> out = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    static int pendingMigrations(DataSource ds) {
        return Flyway.configure().dataSource(ds).locations("classpath:db/migration/sqlite").load().info().pending().length;
    }

    static List<String> appliedVersions(DataSource ds) {
        return strings(ds, "SELECT version FROM flyway_schema_history WHERE success = 1 ORDER BY installed_rank");
    }

    @Test
    void aFolderThatDoesNotExistYetIsCreatedAndMigratedToTheNewestSchema() {
        Path data = dir.resolve("not/there/yet");
        try (Database db = Database.open(data)) {
            assertThat(data.resolve("paperwire.db")).isRegularFile();
            assertThat(pendingMigrations(db.dataSource())).isZero();
            assertThat(appliedVersions(db.dataSource())).startsWith("1").contains("6");
            assertThat(strings(db.dataSource(), "SELECT name FROM sqlite_master WHERE type = 'table'"))
                    .contains("papers", "subscribers", "digest_outbox");
        }
    }

    @Test
    void openingAgainRunsNoMigrationAndKeepsTheData() {
        List<String> applied;
        try (Database db = Database.open(dir)) {
            applied = appliedVersions(db.dataSource());
            Jdbc.inTransaction(db.dataSource(), "add a subscriber", c -> {
                try (Statement st = c.createStatement()) {
                    return st.executeUpdate("INSERT INTO subscribers (email, status, created_at, link_key)"
                            + " VALUES ('ada@example.org', 'active', 0, 'k')");
                }
            });
        }
        try (Database again = Database.open(dir)) {
            assertThat(appliedVersions(again.dataSource())).isEqualTo(applied);
            assertThat(strings(again.dataSource(), "SELECT email FROM subscribers")).containsExactly("ada@example.org");
        }
    }

    @Test
    void aDataFolderThatCannotBeCreatedIsNamedWithTheFix() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        assertThatThrownBy(() -> Database.open(file.resolve("data")))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(file.resolve("data").resolve("paperwire.db").toString())
                .hasMessageContaining("check the data folder");
    }
}
