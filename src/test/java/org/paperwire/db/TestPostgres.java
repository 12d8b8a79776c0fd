package org.paperwire.db;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
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
 * <p>Register it with {@code @RegisterExtension static final TestPostgres POSTGRES = new TestPostgres();}.
 */
public final class TestPostgres implements AfterAllCallback {
    private static final String URL = env("PAPERWIRE_TEST_POSTGRES_URL", "jdbc:postgresql://localhost:5432/postgres");
    private static final String USER = env("PAPERWIRE_TEST_POSTGRES_USER", "paperwire");
    private static final String PASSWORD = env("PAPERWIRE_TEST_POSTGRES_PASSWORD", "paperwire");

    private final java.util.List<String> created = new java.util.ArrayList<>();

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
     * Drops the class's databases. A connection the test left open is closed by FORCE; one the server itself holds
     * (autovacuum after a large copy) can refuse it for a moment, so the drop is tried again, and a database that
     * still cannot be dropped is named in a notice rather than failing the tests that used it.
     */
    @Override
    public synchronized void afterAll(ExtensionContext context) throws SQLException, InterruptedException {
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
