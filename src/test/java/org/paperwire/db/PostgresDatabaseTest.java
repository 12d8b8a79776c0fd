package org.paperwire.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.config.PaperwireConfig.StoreConfig;
import org.paperwire.web.Secrets;

/** The PostgreSQL store: the same version history as SQLite's, applied once; addresses compare without case. */
class PostgresDatabaseTest {
    @RegisterExtension
    static final TestPostgres POSTGRES = new TestPostgres();

    @TempDir
    Path dir;

    private static List<String> versions(DataSource ds) {
        return DatabaseTest.strings(ds, "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank");
    }

    @Test
    void anEmptyDatabaseGetsTheSameVersionsAsSqliteAndOpeningAgainAppliesNothing() {
        StoreConfig config = POSTGRES.freshDatabase();
        List<String> sqlite;
        try (Database lite = Database.open(dir)) {
            sqlite = DatabaseTest.appliedVersions(lite.dataSource());
        }
        try (Database db = Database.open(dir.resolve("unused"), config)) {
            assertThat(db.kind()).isEqualTo(StoreKind.POSTGRESQL);
            assertThat(versions(db.dataSource())).isEqualTo(sqlite);
            Jdbc.inTransaction(db.dataSource(), "add a subscriber", c -> {
                try (Statement st = c.createStatement()) {
                    return st.executeUpdate("INSERT INTO subscribers (email, status, created_at, link_key)"
                            + " VALUES ('Ada@Example.org', 'active', 0, 'k')");
                }
            });
        }
        try (Database again = Database.open(dir.resolve("unused"), config)) {
            assertThat(versions(again.dataSource())).isEqualTo(sqlite);
            assertThat(DatabaseTest.strings(again.dataSource(), "SELECT email FROM subscribers WHERE email = 'ada@example.ORG'"))
                    .containsExactly("Ada@Example.org");
            assertThatThrownBy(() -> Jdbc.inTransaction(again.dataSource(), "add the same address again", c -> {
                try (Statement st = c.createStatement()) {
                    return st.executeUpdate("INSERT INTO subscribers (email, status, created_at, link_key)"
                            + " VALUES ('ADA@example.org', 'active', 0, 'k2')");
                }
            })).isInstanceOf(StoreException.class).hasMessageContaining("add the same address again");
        }
    }

    @Test
    void aGeneratedSecretIsKeptInTheStoreSoThatEveryNodeSignsWithTheSameKey() {
        StoreConfig config = POSTGRES.freshDatabase();
        try (Database nodeA = Database.open(dir.resolve("a"), config);
                Database nodeB = Database.open(dir.resolve("b"), config)) {
            byte[] a = Secrets.loadOrCreate(dir.resolve("a"), "", nodeA.kind(), nodeA.dataSource());
            byte[] b = Secrets.loadOrCreate(dir.resolve("b"), "", nodeB.kind(), nodeB.dataSource());
            assertThat(a).hasSize(32).isEqualTo(b);
            assertThat(dir.resolve("a").resolve("secret.key")).doesNotExist();
            assertThat(Secrets.loadOrCreate(dir.resolve("a"), "configured-secret-of-at-least-32-bytes", nodeA.kind(),
                    nodeA.dataSource())).asString().isEqualTo("configured-secret-of-at-least-32-bytes");
        }
    }

    @Test
    void aServerThatDoesNotAnswerIsNamedWithTheSettingsToCheck() {
        StoreConfig nowhere = new StoreConfig("jdbc:postgresql://127.0.0.1:1/paperwire?connectTimeout=2", "someone", "x", 1);
        assertThatThrownBy(() -> Database.open(dir, nowhere))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/paperwire")
                .hasMessageContaining("check store.url, store.username and store.password");
    }
}
