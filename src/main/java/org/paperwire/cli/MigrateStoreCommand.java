package org.paperwire.cli;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.flywaydb.core.api.FlywayException;
import org.paperwire.config.ConfigKey;
import org.paperwire.config.PaperwireConfig;
import org.paperwire.config.PaperwireConfig.StoreConfig;
import org.paperwire.db.Database;
import org.paperwire.db.StoreCopy;
import org.paperwire.db.StoreException;
import org.paperwire.search.index.SearchIndex;
import org.paperwire.web.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code paperwire migrate-store --to URL}: copies the data folder's SQLite store into an empty PostgreSQL. */
@Command(name = "migrate-store", mixinStandardHelpOptions = true, description = {
        "Copy the SQLite store of the data folder into an empty PostgreSQL database (all or nothing).",
        "The password comes from --password-env, else store.password / PAPERWIRE_STORE_PASSWORD."})
final class MigrateStoreCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = "--to", required = true, paramLabel = "URL",
            description = "the empty target, jdbc:postgresql://host:port/database")
    String to;

    @Option(names = "--username", paramLabel = "NAME", description = "PostgreSQL user (default: store.username)")
    String username;

    @Option(names = "--password-env", paramLabel = "VAR",
            description = "environment variable holding the password (default: store.password)")
    String passwordEnv;

    @Option(names = "--json", description = "print the rows copied per table as one JSON object")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (!to.startsWith("jdbc:postgresql://")) {
            throw new UserError("--to '" + to + "' is not a PostgreSQL JDBC URL; use one such as"
                    + " jdbc:postgresql://db.example.org:5432/paperwire");
        }
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.STORE_URL, to);
        if (username != null) {
            flags.put(ConfigKey.STORE_USERNAME, username);
        }
        PaperwireConfig config = main.config(flags);
        Path dataDir = config.dataDir();
        if (SearchIndex.inUse(dataDir.resolve("index"))) {
            throw new UserError("a running 'paperwire serve' (or reindex) uses " + dataDir + ": stop it first, so that"
                    + " nothing it writes during the copy is left behind");
        }
        StoreConfig target = new StoreConfig(StoreCopy.withBatchedInserts(config.store().url()),
                config.store().username(), password(config), 2);
        long start = System.nanoTime();
        StoreCopy.Report report;
        try (Database db = open(target)) {
            report = copy(dataDir.resolve("paperwire.db"), db);
        } catch (StoreCopy.Refused e) {
            throw new UserError(e.getMessage());
        }
        print(report, (System.nanoTime() - start) / 1e9);
        return 0;
    }

    private String password(PaperwireConfig config) {
        if (passwordEnv == null) {
            return config.store().password();
        }
        String value = System.getenv(passwordEnv);
        if (value == null) {
            throw new UserError("--password-env names " + passwordEnv + ", which is not set in the environment");
        }
        return value;
    }

    private Database open(StoreConfig target) {
        try {
            return Database.open(Path.of("unused"), target);
        } catch (StoreException e) {
            throw new UserError("cannot connect to " + to + " as '" + target.username() + "': " + rootMessage(e)
                    + "; check --to, --username and --password-env (or store.password / PAPERWIRE_STORE_PASSWORD),"
                    + " and that the server is running and the database exists");
        } catch (FlywayException e) {
            throw new UserError("cannot create Paperwire's schema in " + to + ": " + e.getMessage().strip()
                    + "; migrate-store needs an empty database (CREATE DATABASE paperwire_new OWNER your_role)");
        }
    }

    private StoreCopy.Report copy(Path sqliteFile, Database db) {
        if (json || !ImportProgressBar.interactive()) {
            return StoreCopy.copy(sqliteFile, db, StoreCopy.Progress.NONE);
        }
        try (CopyProgressBar bar = new CopyProgressBar()) {
            return StoreCopy.copy(sqliteFile, db, bar);
        }
    }

    private void print(StoreCopy.Report report, double seconds) throws Exception {
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("target", to);
            out.put("schema_version", report.schemaVersion());
            out.put("tables", report.rows());
            out.put("rows", report.totalRows());
            out.put("not_copied", report.notCopied());
            out.put("seconds", Math.round(seconds * 10) / 10.0);
            System.out.println(Json.mapper().writeValueAsString(out));
            return;
        }
        System.out.printf("copied %,d rows into %s (schema version %s) in %.1f s%n", report.totalRows(), to,
                report.schemaVersion(), seconds);
        report.rows().forEach((table, rows) -> System.out.printf("  %-20s %,12d%n", table, rows));
        System.out.println("not copied: " + String.join(", ", report.notCopied())
                + " (leases of harvests, digest batches and embedding rounds held by processes of the old store; they"
                + " expire within minutes)");
        System.out.println("next: set store.url = " + to + " (and store.username / store.password) for every node");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
