package org.paperwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.paperwire.schedule.JdbcLeases;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.app.Paperwire;
import org.paperwire.config.ConfigKey;
import org.paperwire.config.ConfigSources;
import org.paperwire.config.PaperwireConfig.StoreConfig;
import org.paperwire.config.TestConfigs;
import org.paperwire.db.Database;
import org.paperwire.db.TestPostgres;
import org.paperwire.digest.DigestRunner;
import org.paperwire.paper.Papers;
import org.paperwire.search.embed.EmbeddingCache;
import org.paperwire.search.embed.JdbcEmbeddingCache;
import org.paperwire.subscription.Topic;

/**
 * Issue 11: {@code migrate-store} copies a SQLite store, filled through Paperwire's own stores, into an empty
 * PostgreSQL on a real server, all or nothing; the copy is compared row by row with plain SQL on both sides.
 */
class MigrateStoreCommandTest {
    @RegisterExtension
    static final TestPostgres POSTGRES = new TestPostgres();
    /** Papers of 2025-01-03 are new to the digest built the next morning. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-04T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    /** A store with papers (one updated), subscribers (the newest removed), topics, votes, outbox rows, vectors. */
    private void fillSqlite() throws Exception {
        try (Paperwire app = new Paperwire(TestConfigs.from(ConfigSources.defaults()
                .with(ConfigKey.DATA_DIR, dir.toString())), CLOCK)) {
            app.papers().upsertAll(List.of(Papers.paper("2501.00001", 1, "Graph networks"),
                    Papers.paper("2501.00002", 1, "Speech"), Papers.paper("2501.00003", 1, "Language models")));
            app.papers().upsertAll(List.of(Papers.paper("2501.00001", 2, "Graph networks, revised")));
            app.subscriptions().add("grace@example.org", List.of(Topic.of(Topic.Kind.CATEGORY, "cs.LG")), true);
            app.subscriptions().subscribe("bob@example.org", List.of(), "192.0.2.1"); // pending: a queued mail
            app.subscriptions().add("zed@example.org", List.of(), true);
            app.subscribers().remove(app.subscribers().findByEmail("zed@example.org").orElseThrow().id());
            app.votes().vote("2501.00002", "visitor-1", "net-1", true);
            app.digests().run(new DigestRunner.Options(false, true, "grace@example.org"));
        }
        try (Database db = Database.open(dir)) {
            new JdbcEmbeddingCache(db.dataSource()).putAll("bge-small-en-v1.5-q:512",
                    Map.of(EmbeddingCache.hash("Graph networks"), new float[] {0.6f, -0.8f, Float.MIN_VALUE}));
            new JdbcLeases(db.dataSource()).tryAcquire("harvest:arxiv", "pid@host/start#tag", "arxiv-oai",
                    Duration.ofMinutes(2), Instant.now());
        }
    }

    private CliRun migrate(StoreConfig target, String... more) throws Exception {
        Path config = dir.resolve("pg.conf");
        Files.writeString(config, "store.username = " + target.username() + "\nstore.password = "
                + target.password() + "\n");
        List<String> args = new ArrayList<>(List.of("--data-dir", dir.toString(), "--config", config.toString(),
                "migrate-store", "--to", target.url()));
        args.addAll(List.of(more));
        return CliRun.paperwire(args.toArray(String[]::new));
    }

    @Test
    void copiesEveryTableRowForRowAndIdsGoOnWhereSqliteLeftOff() throws Exception {
        fillSqlite();
        StoreConfig target = POSTGRES.freshDatabase();

        CliRun run = migrate(target, "--json");

        assertThat(run.status()).as(run.err()).isZero();
        JsonNode tables = run.json().get("tables");
        assertThat(tables.get("papers").asLong()).isEqualTo(3);
        assertThat(tables.get("subscribers").asLong()).isEqualTo(2);
        assertThat(tables.get("votes").asLong()).isEqualTo(1);
        assertThat(tables.get("embedding_cache").asLong()).isEqualTo(1);
        assertThat(tables.get("digest_outbox").asLong()).isEqualTo(1);
        assertThat(tables.get("mail_outbox").asLong()).isEqualTo(1);
        assertThat(tables.has("leases")).isFalse();
        assertThat(run.json().get("not_copied").toString()).isEqualTo("[\"embedding_leases\",\"leases\"]");
        try (Connection lite = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("paperwire.db"));
                Connection pg = DriverManager.getConnection(target.url(), target.username(), target.password())) {
            for (String table : (Iterable<String>) tables::fieldNames) {
                if (!table.equals("instance_settings")) {
                    assertThat(rows(pg, table)).as(table).isEqualTo(rows(lite, table))
                            .hasSize(tables.get(table).asInt());
                }
            }
            // the data folder's generated secret moves into the store, so mailed links keep working on every node
            assertThat(rows(pg, "SELECT name, value FROM instance_settings")).containsExactly(
                    List.of("web.secret", Files.readString(dir.resolve("secret.key")).strip()));
            assertThat(rows(pg, "leases")).isEmpty();
            assertThat(rows(pg, "SELECT seq, day FROM papers WHERE id = '2501.00001'"))
                    .isEqualTo(rows(lite, "SELECT seq, day FROM papers WHERE id = '2501.00001'"))
                    .containsExactly(List.of("4", "2025-01-03")); // the update's change number; day computed there
            assertThat(rows(pg, "SELECT value FROM counters WHERE name = 'paper_seq'")).containsExactly(List.of("4"));
            assertThat(rows(pg, "SELECT link_key FROM subscribers WHERE email = 'grace@example.org'"))
                    .isEqualTo(rows(lite, "SELECT link_key FROM subscribers WHERE email = 'grace@example.org'"));
            assertThat(rows(pg, "SELECT vector, mime FROM embedding_cache, mail_outbox"))
                    .isEqualTo(rows(lite, "SELECT vector, mime FROM embedding_cache, mail_outbox")); // byte-identical
            // zed (id 3) was removed: SQLite never hands out 3 again, and neither does the copy
            try (Statement st = pg.createStatement(); ResultSet rs = st.executeQuery("INSERT INTO subscribers"
                    + " (email, status, created_at, link_key) VALUES ('new@example.org', 'active', 0, 'k') RETURNING id")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(4);
            }
        }
    }

    @Test
    void refusesATargetThatHoldsRowsNamingTheTableAndCount() throws Exception {
        fillSqlite();
        StoreConfig target = POSTGRES.freshDatabase();
        CliRun first = migrate(target);
        assertThat(first.out()).startsWith("copied ").containsPattern("papers +3\n").contains("not copied: embedding_leases, leases");

        CliRun again = migrate(target);

        assertThat(again.status()).isEqualTo(2);
        assertThat(again.err()).contains("not empty").contains("papers (3 rows)").contains("subscribers (2 rows)")
                .contains("CREATE DATABASE").contains("nothing was copied");
    }

    @Test
    void aFailureMidwayLeavesTheTargetEmptySoTheCopyCanSimplyRunAgain() throws Exception {
        fillSqlite();
        StoreConfig target = POSTGRES.freshDatabase();
        // a topic whose subscriber is gone (SQLite enforces foreign keys only where a connection asks it to)
        try (Connection lite = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("paperwire.db"));
                Statement st = lite.createStatement()) {
            st.executeUpdate("INSERT INTO subscriber_topics (subscriber_id, kind, value) VALUES (999, 'author', 'X')");
        }

        CliRun run = migrate(target);

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("subscriber_topics").contains("nothing was kept");
        try (Connection pg = DriverManager.getConnection(target.url(), target.username(), target.password())) {
            assertThat(rows(pg, "SELECT count(*) FROM papers")).containsExactly(List.of("0")); // copied before it
        }
        try (Connection lite = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("paperwire.db"));
                Statement st = lite.createStatement()) {
            st.executeUpdate("DELETE FROM subscriber_topics WHERE subscriber_id = 999");
        }
        assertThat(migrate(target).status()).isZero();
    }

    @Test
    void anOlderSqliteStoreIsRefusedWithTheWayToMigrateIt() throws Exception {
        fillSqlite();
        try (Connection lite = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("paperwire.db"));
                Statement st = lite.createStatement()) {
            st.executeUpdate("DELETE FROM flyway_schema_history WHERE version = (SELECT max(CAST(version AS INTEGER))"
                    + " FROM flyway_schema_history)");
        }
        List<List<String>> left;
        try (Connection lite = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("paperwire.db"))) {
            left = rows(lite, "SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history");
        }

        CliRun run = migrate(POSTGRES.freshDatabase());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("is at schema version " + left.get(0).get(0) + " and")
                .contains("open it once with this Paperwire");
    }

    @Test
    void aWrongPasswordOrServerNamesTheOptionsToCheck() throws Exception {
        fillSqlite();
        StoreConfig target = POSTGRES.freshDatabase();

        CliRun wrongPassword = migrate(new StoreConfig(target.url(), target.username(), "not-the-password", 1));
        CliRun noServer = migrate(new StoreConfig("jdbc:postgresql://127.0.0.1:1/paperwire?connectTimeout=2",
                target.username(), target.password(), 1));
        CliRun notPostgres = CliRun.paperwire("--data-dir", dir.toString(), "migrate-store", "--to", "jdbc:mysql://x/y");

        assertThat(wrongPassword.status()).isEqualTo(2);
        assertThat(wrongPassword.err()).contains("password authentication failed")
                .contains("check --to, --username and --password-env");
        assertThat(noServer.err()).contains("127.0.0.1:1").contains("check --to, --username and --password-env");
        assertThat(notPostgres.err()).contains("--to 'jdbc:mysql://x/y' is not a PostgreSQL JDBC URL");
    }

    @Test
    void refusesWhileServeUsesTheDataFolder() throws Exception {
        fillSqlite();
        try (Paperwire serve = new Paperwire(TestConfigs.from(ConfigSources.defaults()
                .with(ConfigKey.DATA_DIR, dir.toString())), CLOCK)) {
            serve.search(); // holds the index folder, as serve does

            CliRun run = migrate(POSTGRES.freshDatabase());

            assertThat(run.status()).isEqualTo(2);
            assertThat(run.err()).contains("running 'paperwire serve'").contains("stop it first");
        }
    }

    /** Every row of {@code tableOrQuery}, its values as text (blobs in hex, numbers as integers), sorted. */
    private static List<List<String>> rows(Connection c, String tableOrQuery) throws SQLException {
        String sql = tableOrQuery.startsWith("SELECT") ? tableOrQuery : "SELECT * FROM " + tableOrQuery;
        List<List<String>> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    row.add(v instanceof byte[] b ? HexFormat.of().formatHex(b)
                            : v instanceof Number n ? Long.toString(n.longValue()) : v == null ? null : v.toString());
                }
                out.add(row);
            }
        }
        out.sort((a, b) -> a.toString().compareTo(b.toString()));
        return out;
    }
}
