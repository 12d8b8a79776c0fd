package org.paperwire.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Copies the SQLite store of a data folder into an empty PostgreSQL store ({@code paperwire migrate-store}).
 *
 * <p>The target is opened through {@link Database}, so Flyway has created the schema there; both must be at the
 * same schema version. Every table of the target's schema is copied, column by column by name (a generated
 * column such as {@code papers.day} is computed, not copied), in foreign-key order, in JDBC batches, with every id
 * and counter as it is. Identity sequences are then set past the copied ids (and past SQLite's AUTOINCREMENT
 * high-water mark, so a deleted subscriber's id is never handed out again).
 *
 * <p><b>All or nothing.</b> The whole copy is one PostgreSQL transaction, which also locks the target's tables
 * (a node started against the target waits instead of writing into a half-copied store): a failure or a kill
 * midway leaves the target as empty as it was, and running the command again starts over. PostgreSQL keeps no
 * undo log, so a transaction of a few GB (2.7 M papers and their vectors) costs nothing but the WAL it writes.
 * The source is read in one read transaction: a consistent snapshot, even if something writes to it meanwhile.
 */
public final class StoreCopy {
    /** Rows per JDBC batch: with {@code reWriteBatchedInserts} the driver sends them as a few multi-row INSERTs. */
    static final int BATCH = 1000;
    /**
     * Tables that are not copied: a harvest lease names a process working on the old store and expires within
     * minutes; copying one would only make the new store wait for a holder that never comes.
     */
    public static final Set<String> NOT_COPIED = Set.of("leases", "embedding_leases");
    /** Rows the migrations themselves insert: a fresh target has them (with zero values), and they are replaced. */
    private static final String COUNTERS = "counters";
    private static final String HISTORY = "flyway_schema_history";

    private StoreCopy() {}

    /** What the copy tells its caller as it goes. */
    public interface Progress {
        Progress NONE = new Progress() {
            @Override
            public void started(long totalRows) {}

            @Override
            public void copied(String table, long rowsSoFar) {}
        };

        /** The copy is about to start: it will copy {@code totalRows} rows in all. */
        void started(long totalRows);

        /** {@code rowsSoFar} rows of all tables are copied; {@code table} is being copied now. */
        void copied(String table, long rowsSoFar);
    }

    /** What was copied: rows per table in the order copied, and the schema version of both stores. */
    public record Report(Map<String, Long> rows, Set<String> notCopied, String schemaVersion) {
        public long totalRows() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Why a copy was not started: the user's to fix (a target that is not empty, a source at another schema
     * version, a file that is not a store). The message says what to do.
     */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /**
     * The URL with {@code reWriteBatchedInserts=true} added (unless it sets it already): the PostgreSQL driver
     * then sends a batch as multi-row INSERTs, several times faster than one statement per row.
     */
    public static String withBatchedInserts(String url) {
        if (url.contains("reWriteBatchedInserts=")) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
    }

    /**
     * Copies the SQLite store in {@code sqliteFile} into {@code target}, which must be a PostgreSQL store holding
     * no rows yet.
     *
     * @throws Refused when the target is not empty, the versions differ or the file is not a Paperwire store
     * @throws StoreException when reading or writing fails (the target is left as it was)
     */
    public static Report copy(Path sqliteFile, Database target, Progress progress) {
        if (target.kind() != StoreKind.POSTGRESQL) {
            throw new IllegalArgumentException("the target of a store copy is a PostgreSQL store, not " + target.kind());
        }
        if (!Files.isRegularFile(sqliteFile)) {
            throw new Refused("no SQLite store at " + sqliteFile + "; --data-dir names the data folder whose store to copy");
        }
        try (Connection source = DriverManager.getConnection("jdbc:sqlite:" + sqliteFile);
                Connection dest = target.dataSource().getConnection()) {
            source.setAutoCommit(false); // one read transaction: every table from the same snapshot
            dest.setAutoCommit(false);
            try {
                Report report = copy(sqliteFile, source, dest, progress);
                dest.commit();
                analyze(dest);
                return report;
            } catch (SQLException | RuntimeException e) {
                dest.rollback();
                throw e;
            } finally {
                source.rollback();
                dest.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("copy the store " + sqliteFile + " into PostgreSQL (nothing was kept there)",
                    serverError(e));
        }
    }

    private static Report copy(Path sqliteFile, Connection source, Connection dest, Progress progress)
            throws SQLException {
        String version = sameVersion(sqliteFile, source, dest);
        List<String> tables = inForeignKeyOrder(dest);
        lock(dest, tables);
        refuseRows(dest, tables);
        Map<String, List<Column>> columns = new LinkedHashMap<>();
        long total = 0;
        for (String table : tables) {
            if (!NOT_COPIED.contains(table)) {
                columns.put(table, matchingColumns(sqliteFile, source, dest, table));
                total += count(source, table);
            }
        }
        progress.started(total);
        Map<String, Long> rows = new LinkedHashMap<>();
        long[] done = {0};
        for (Map.Entry<String, List<Column>> table : columns.entrySet()) {
            rows.put(table.getKey(), copyTable(source, dest, table.getKey(), table.getValue(), progress, done));
        }
        setIdentities(source, dest, columns);
        keepSecret(sqliteFile.resolveSibling("secret.key"), dest);
        return new Report(rows, new TreeSet<>(NOT_COPIED), version);
    }

    /**
     * The data folder's generated instance secret goes into the shared store, where every node reads it when
     * web.secret is not set, so links mailed and cookies set before the move still hold.
     */
    private static void keepSecret(Path secretFile, Connection dest) throws SQLException {
        if (!Files.isRegularFile(secretFile)) {
            return;
        }
        String hex;
        try {
            hex = Files.readString(secretFile).strip();
        } catch (java.io.IOException e) {
            throw new Refused("cannot read the instance secret " + secretFile + " (" + e.getMessage()
                    + "): fix its permissions and copy again; nothing was copied");
        }
        try (PreparedStatement st = dest.prepareStatement("INSERT INTO instance_settings (name, value) VALUES (?, ?)"
                + " ON CONFLICT (name) DO NOTHING")) {
            st.setString(1, "web.secret"); // the row web.Secrets reads
            st.setString(2, hex);
            st.executeUpdate();
        }
    }

    /** The schema version both stores are at; refuses a source at another one, saying what to do. */
    private static String sameVersion(Path sqliteFile, Connection source, Connection dest) throws SQLException {
        if (!tableExists(source, HISTORY)) {
            throw new Refused(sqliteFile + " is not a Paperwire store (it has no " + HISTORY + " table)");
        }
        MigrationVersion from = newest(source, "SELECT version FROM " + HISTORY + " WHERE success = 1");
        MigrationVersion to = newest(dest, "SELECT version FROM " + HISTORY + " WHERE success");
        int order = from.compareTo(to);
        if (order < 0) {
            throw new Refused("the SQLite store " + sqliteFile + " is at schema version " + from + " and this"
                    + " Paperwire's at " + to + ": open it once with this Paperwire (any command that reads the store,"
                    + " e.g. 'paperwire subscribers list' with the same --data-dir) so that it is migrated, then copy"
                    + " it again; nothing was copied");
        }
        if (order > 0) {
            throw new Refused("the SQLite store " + sqliteFile + " is at schema version " + from + ", newer than this"
                    + " Paperwire's (" + to + "): run migrate-store with the Paperwire that wrote it; nothing was copied");
        }
        return to.toString();
    }

    private static MigrationVersion newest(Connection c, String sql) throws SQLException {
        MigrationVersion newest = MigrationVersion.EMPTY;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                String v = rs.getString(1);
                if (v != null) { // Flyway's own rows (a schema creation marker) have none
                    MigrationVersion version = MigrationVersion.fromVersion(v);
                    newest = version.compareTo(newest) > 0 ? version : newest;
                }
            }
        }
        return newest;
    }

    /** The target's tables, each after the tables its foreign keys point to (then by name, so the order is stable). */
    static List<String> inForeignKeyOrder(Connection dest) throws SQLException {
        Map<String, Set<String>> parents = new TreeMap<>();
        try (Statement st = dest.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                        + " AND table_type = 'BASE TABLE' AND table_name <> '" + HISTORY + "'")) {
            while (rs.next()) {
                parents.put(rs.getString(1), new TreeSet<>());
            }
        }
        try (Statement st = dest.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT child.relname, parent.relname FROM pg_constraint k"
                        + " JOIN pg_class child ON child.oid = k.conrelid JOIN pg_class parent ON parent.oid = k.confrelid"
                        + " WHERE k.contype = 'f' AND child.relnamespace = current_schema()::regnamespace")) {
            while (rs.next()) {
                if (parents.containsKey(rs.getString(1)) && !rs.getString(1).equals(rs.getString(2))) {
                    parents.get(rs.getString(1)).add(rs.getString(2));
                }
            }
        }
        List<String> order = new ArrayList<>();
        while (order.size() < parents.size()) {
            String next = parents.entrySet().stream()
                    .filter(e -> !order.contains(e.getKey()) && order.containsAll(e.getValue()))
                    .map(Map.Entry::getKey).findFirst()
                    .orElseThrow(() -> new IllegalStateException("foreign keys in a cycle among " + parents));
            order.add(next);
        }
        return order;
    }

    /** Holds the target's tables until commit: a node started against it meanwhile waits rather than writes. */
    private static void lock(Connection dest, List<String> tables) throws SQLException {
        try (Statement st = dest.createStatement()) {
            st.execute("LOCK TABLE " + String.join(", ", tables.stream().map(StoreCopy::quote).toList())
                    + " IN ACCESS EXCLUSIVE MODE");
        }
    }

    /** Refuses a target that holds rows (beyond the zero counters its migrations insert), naming each table. */
    private static void refuseRows(Connection dest, List<String> tables) throws SQLException {
        List<String> found = new ArrayList<>();
        for (String table : tables) {
            long n = single(dest, "SELECT count(*) FROM " + quote(table)
                    + (table.equals(COUNTERS) ? " WHERE value <> 0" : ""));
            if (n > 0) {
                found.add(table + " (" + String.format("%,d", n) + (n == 1 ? " row)" : " rows)"));
            }
        }
        if (!found.isEmpty()) {
            throw new Refused("the target database is not empty: it holds rows in " + String.join(", ", found)
                    + ". migrate-store copies only into an empty database, so nothing is overwritten or mixed: create"
                    + " a new one (CREATE DATABASE paperwire_new OWNER your_role) and name it in --to, or, if these rows"
                    + " are expendable, drop and re-create the database; nothing was copied");
        }
    }

    /** A column of the target table that is copied, and how its values are bound. */
    record Column(String name, String type) {}

    /**
     * The columns to copy: the target's, without generated ones, which must be exactly the source's (the two
     * schemas are at one version; anything else is a bug in a migration, reported rather than guessed at).
     */
    private static List<Column> matchingColumns(Path sqliteFile, Connection source, Connection dest, String table)
            throws SQLException {
        if (!tableExists(source, table)) {
            throw new Refused("the SQLite store " + sqliteFile + " has no table " + table + ", which PostgreSQL's schema"
                    + " at the same version has: the two migration histories differ (a bug; please report it)");
        }
        List<Column> target = new ArrayList<>();
        try (PreparedStatement ps = dest.prepareStatement("SELECT column_name, data_type FROM information_schema.columns"
                + " WHERE table_schema = current_schema() AND table_name = ? AND is_generated = 'NEVER'"
                + " ORDER BY ordinal_position")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    target.add(new Column(rs.getString(1), rs.getString(2)));
                }
            }
        }
        Set<String> sourceNames = new TreeSet<>();
        // table_info leaves generated columns out (table_xinfo would list them)
        try (Statement st = source.createStatement(); ResultSet rs = st.executeQuery(
                "PRAGMA table_info(" + quote(table) + ")")) {
            while (rs.next()) {
                sourceNames.add(rs.getString("name"));
            }
        }
        Set<String> targetNames = new TreeSet<>(target.stream().map(Column::name).toList());
        if (!sourceNames.equals(targetNames)) {
            throw new Refused("table " + table + " has the columns " + sourceNames + " in SQLite but " + targetNames
                    + " in PostgreSQL at the same schema version: the two migration histories differ (a bug; please"
                    + " report it)");
        }
        return target;
    }

    private static long copyTable(Connection source, Connection dest, String table, List<Column> columns,
            Progress progress, long[] done) throws SQLException {
        String names = String.join(", ", columns.stream().map(c -> quote(c.name())).toList());
        String marks = String.join(", ", columns.stream().map(c -> "?").toList());
        long rows = 0;
        try (Statement read = source.createStatement();
                ResultSet rs = read.executeQuery("SELECT " + names + " FROM " + quote(table));
                PreparedStatement write = dest.prepareStatement(
                        "INSERT INTO " + quote(table) + " (" + names + ") VALUES (" + marks + ")"
                                + (table.equals(COUNTERS) ? " ON CONFLICT (name) DO UPDATE SET value = excluded.value" : ""))) {
            read.setFetchSize(BATCH);
            int pending = 0;
            while (rs.next()) {
                for (int i = 0; i < columns.size(); i++) {
                    bind(write, rs, i + 1, columns.get(i), table, rows);
                }
                write.addBatch();
                rows++;
                if (++pending == BATCH) {
                    write.executeBatch();
                    pending = 0;
                    done[0] += BATCH;
                    progress.copied(table, done[0]);
                }
            }
            if (pending > 0) {
                write.executeBatch();
                done[0] += pending;
                progress.copied(table, done[0]);
            }
        } catch (SQLException e) {
            throw new SQLException("table " + table + ": " + serverError(e).getMessage(), e);
        }
        return rows;
    }

    /** Binds one value by the target column's type: SQLite's integers as INTEGER or BIGINT, blobs as BYTEA. */
    private static void bind(PreparedStatement write, ResultSet rs, int i, Column column, String table, long row)
            throws SQLException {
        switch (column.type()) {
            case "bigint", "integer", "smallint" -> {
                long v = rs.getLong(i);
                if (rs.wasNull()) {
                    write.setNull(i, Types.BIGINT);
                } else if (column.type().equals("bigint")) {
                    write.setLong(i, v);
                } else {
                    write.setInt(i, Math.toIntExact(v));
                }
            }
            case "bytea" -> {
                byte[] v = rs.getBytes(i);
                if (v == null) {
                    write.setNull(i, Types.BINARY);
                } else {
                    write.setBytes(i, v);
                }
            }
            case "text" -> {
                String v = rs.getString(i);
                if (v != null && v.indexOf('\0') >= 0) {
                    throw new Refused("row " + (row + 1) + " of " + table + " has a NUL character in " + column.name()
                            + ", which PostgreSQL's text cannot hold: remove it in the SQLite store (e.g. with"
                            + " replace(" + column.name() + ", char(0), ' ')) and copy again; nothing was copied");
                }
                write.setString(i, v);
            }
            default -> write.setObject(i, rs.getObject(i));
        }
    }

    /**
     * Sets each identity sequence past the highest id copied and past SQLite's AUTOINCREMENT mark for that table
     * (a deleted subscriber's id stays used), so the target hands out what the source would have.
     */
    private static void setIdentities(Connection source, Connection dest, Map<String, List<Column>> tables)
            throws SQLException {
        Map<String, Long> autoincrement = tableExists(source, "sqlite_sequence")
                ? longs(source, "SELECT name, seq FROM sqlite_sequence") : Map.of();
        try (Statement st = dest.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT table_name, column_name FROM information_schema.columns"
                        + " WHERE table_schema = current_schema() AND is_identity = 'YES' ORDER BY table_name")) {
            while (rs.next()) {
                String table = rs.getString(1);
                if (!tables.containsKey(table)) {
                    continue;
                }
                long highest = Math.max(autoincrement.getOrDefault(table, 0L),
                        single(dest, "SELECT COALESCE(max(" + quote(rs.getString(2)) + "), 0) FROM " + quote(table)));
                if (highest > 0) {
                    try (PreparedStatement set = dest.prepareStatement(
                            "SELECT setval(pg_get_serial_sequence(?, ?), ?, true)")) {
                        set.setString(1, quote(table));
                        set.setString(2, rs.getString(2));
                        set.setLong(3, highest);
                        set.executeQuery().close();
                    }
                }
            }
        }
    }

    /** Fresh planner statistics for the copied tables (autovacuum would get there, later). */
    private static void analyze(Connection dest) throws SQLException {
        try (Statement st = dest.createStatement()) {
            st.execute("ANALYZE");
        }
    }

    private static boolean tableExists(Connection source, String table) throws SQLException {
        try (PreparedStatement ps = source.prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        return single(c, "SELECT count(*) FROM " + quote(table));
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Map<String, Long> longs(Connection c, String sql) throws SQLException {
        Map<String, Long> out = new TreeMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /**
     * The server's own error behind a failed batch: the driver's message quotes the whole batch's statement (a
     * thousand abstracts), its next exception says what PostgreSQL objected to.
     */
    private static SQLException serverError(SQLException e) {
        SQLException next = e instanceof BatchUpdateException ? e.getNextException() : null;
        return Optional.ofNullable(next).orElse(e);
    }
}
