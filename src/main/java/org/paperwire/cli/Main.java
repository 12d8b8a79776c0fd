package org.paperwire.cli;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.paperwire.app.Paperwire;
import org.paperwire.config.ConfigException;
import org.paperwire.config.ConfigKey;
import org.paperwire.config.ConfigSources;
import org.paperwire.config.PaperwireConfig;
import org.paperwire.db.StoreException;
import org.paperwire.search.index.IndexLockedException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code paperwire}: the command line. Each subcommand is a thin class over the same services as the server. */
@Command(name = "paperwire", mixinStandardHelpOptions = true, version = "Paperwire 0.1.0",
        description = "Harvest, search and rank new research papers, and mail daily digests.",
        subcommands = {ServeCommand.class, ImportCommand.class, HarvestCommand.class, BenchCommand.class,
                SearchCommand.class, ReindexCommand.class, EvalCommand.class, DigestCommand.class, SubscribersCommand.class,
                MigrateStoreCommand.class, LibraryCommand.class, RecommendCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {
    @Option(names = "--data-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "data folder (default ./paperwire-data; env PAPERWIRE_DATA_DIR)")
    Path dataDir;

    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "config file with key = value lines (env PAPERWIRE_CONFIG)")
    Path configFile;

    /** Loads and validates the configuration: file, then environment, then these and {@code extra} flags. */
    PaperwireConfig config(Map<ConfigKey, String> extra) {
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        if (dataDir != null) {
            flags.put(ConfigKey.DATA_DIR, dataDir.toString());
        }
        flags.putAll(extra);
        Map<String, String> env = System.getenv();
        Path file = configFile != null ? configFile
                : env.containsKey("PAPERWIRE_CONFIG") ? Path.of(env.get("PAPERWIRE_CONFIG")) : null;
        return PaperwireConfig.from(ConfigSources.load(file, env, flags), Paperwire.knownIds());
    }

    /** Lucene announces its vector backend through java.util.logging on every start; keep stderr for what matters. */
    private static final Logger LUCENE_VECTORS =
            Logger.getLogger("org.apache.lucene.internal.vectorization");

    public static void main(String[] args) {
        LUCENE_VECTORS.setLevel(Level.WARNING);
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit status (2 for a usage or configuration error). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The command line with its error handling, for {@link #run} and for tests that replace a part of it. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ConfigException || e instanceof UserError) {
                cmd.getErr().println("paperwire: " + e.getMessage());
                return 2;
            }
            if (e instanceof IndexLockedException
                    || e instanceof UncheckedIOException || e instanceof StoreException) {
                cmd.getErr().println("paperwire: " + e.getMessage()); // the message says what to do
            } else {
                // a bug of ours: the trace goes to the log at DEBUG (PAPERWIRE_LOG_LEVEL=DEBUG), not to the user
                LoggerFactory.getLogger(Main.class).debug("command failed unexpectedly", e);
                cmd.getErr().println("paperwire: unexpected error: " + (e.getMessage() == null
                        ? e.getClass().getSimpleName() : e.getMessage()) + " (PAPERWIRE_LOG_LEVEL=DEBUG shows details)");
            }
            return 1;
        });
        return cli;
    }
}
