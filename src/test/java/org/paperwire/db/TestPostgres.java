package org.paperwire.db;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.paperwire.config.PaperwireConfig.StoreConfig;

/**
 * A real PostgreSQL for tests: each {@link #freshDatabase()} creates an empty database of its own on the server
 * named by {@code PAPERWIRE_TEST_POSTGRES_URL} (default {@code jdbc:postgresql://localhost:5432/postgres}, role and
 * password {@code PAPERWIRE_TEST_POSTGRES_USER}/{@code _PASSWORD}, default {@code paperwire}), dropped after the
 * test class. {@code .ci/run} starts Debian's PostgreSQL 15 and creates that role. Where no server answers the test
 * is skipped with a visible notice; in CI ({@code PAPERWIRE_REQUIRE_POSTGRES=true}) it fails instead.
 *
 * <p>Register it with {@code @RegisterExtension static final TestPostgres POSTGRES = new TestPostgres();}. Store
 * contract tests take an {@link #emptyStore()} per test instead.
 */
public final class TestPostgres implements AfterAllCallback {
    private static final String URL = env("PAPERWIRE_TEST_POSTGRES_URL", "jdbc:postgresql://localhost:5432/postgres");
    private static final String USER = env("PAPERWIRE_TEST_POSTGRES_USER", "paperwire");
    private static final String PASSWORD = env("PAPERWIRE_TEST_POSTGRES_PASSWORD", "paperwire");

    private final List<String> created = new ArrayList<>();
    private StoreConfig store;
    private Database open;

    /** An empty database for this test class, or a skipped (locally) / failed (CI) test when no server answers. */
    public synchronized StoreConfig freshDatabase() {
        String name = "paperwire_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = admin(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            unavailable(e);
        }
        created.add(name);
        return new StoreConfig(URL.substring(0, URL.lastIndexOf('/') + 1) + name, USER, PASSWORD, 4);
    }

    /**
     * A migrated, empty store for one test: this class's own database (created on the first call) with every
     * table emptied, identities and the change counter back at the start, on a pool of 8 connections so that tests
     * can write from several threads at once. It is the store the previous call returned, unless a test closed it.
     */
    public synchronized Database emptyStore() {
        if (store == null) {
            StoreConfig fresh = freshDatabase();
            store = new StoreConfig(fresh.url(), fresh.username(), fresh.password(), 8);
        }
        if (!(open != null && open.dataSource() instanceof HikariDataSource pool && !pool.isClosed())) {
            open = Database.open(Path.of("unused"), store); // the first, or the last was closed by its test
        }
        Jdbc.inTransaction(open.dataSource(), "empty the test store", c -> {
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT string_agg(quote_ident(tablename), ', ') FROM pg_tables"
                            + " WHERE schemaname = current_schema() AND tablename NOT IN ('flyway_schema_history', 'counters')")) {
                rs.next();
                try (Statement truncate = c.createStatement()) {
                    truncate.execute("TRUNCATE " + rs.getString(1) + " RESTART IDENTITY CASCADE");
                    truncate.execute("UPDATE counters SET value = 0");
                }
            }
            dropTriggers(c); // a test may add one to make writes fail
            return null;
        });
        return open;
    }

    private static void dropTriggers(Connection c) throws SQLException {
        List<String> drops = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT quote_ident(t.tgname),"
                + " quote_ident(r.relname) FROM pg_trigger t JOIN pg_class r ON r.oid = t.tgrelid WHERE NOT t.tgisinternal")) {
            while (rs.next()) {
                drops.add("DROP TRIGGER " + rs.getString(1) + " ON " + rs.getString(2));
            }
        }
        try (Statement st = c.createStatement()) {
            for (String drop : drops) {
                st.execute(drop);
            }
        }
    }

    private void closeOpen() {
        if (open != null) {
            open.close();
            open = null;
        }
    }

    /**
     * Drops the class's databases. A connection the test left open is closed by FORCE; one the server itself holds
     * (autovacuum after a large copy) can refuse it for a moment, so the drop is tried again, and a database that
     * still cannot be dropped is named in a notice rather than failing the tests that used it.
     */
    @Override
    public synchronized void afterAll(ExtensionContext context) throws SQLException, InterruptedException {
        closeOpen();
        store = null;
        for (String name : created) {
            for (int attempt = 1; ; attempt++) {
                try (Connection c = admin(); Statement st = c.createStatement()) {
                    st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                    break;
                } catch (SQLException e) {
                    if (attempt == 5) {
                        System.err.println("NOTICE: could not drop the test database " + name + ": " + e.getMessage());
                        break;
                    }
                    Thread.sleep(1000L * attempt);
                }
            }
        }
        created.clear();
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(URL, USER, PASSWORD);
    }

    private static void unavailable(SQLException e) {
        String notice = "PostgreSQL not reachable at " + URL + " as " + USER + " (" + e.getMessage()
                + "): test skipped (CI requires it; start one with 'pg_ctlcluster 15 main start', see .ci/run)";
        if ("true".equals(System.getenv("PAPERWIRE_REQUIRE_POSTGRES"))) {
            fail(notice.replace("test skipped (CI requires it; ", "CI requires it ("), e);
        }
        System.err.println("NOTICE: " + notice);
        assumeTrue(false, notice);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    @Override
    public String toString() {
        return "TestPostgres[" + URL.toLowerCase(Locale.ROOT) + "]";
    }
}
