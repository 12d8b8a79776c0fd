package org.paperwire.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paperwire.app.Paperwire;
import org.paperwire.bench.ClusterBenchResult;
import org.paperwire.bench.ClusterNodes;
import org.paperwire.bench.ImportBenchResult;
import org.paperwire.bench.Memory;
import org.paperwire.bench.SearchBenchResult;
import org.paperwire.bench.SearchBenchmark;
import org.paperwire.config.ConfigKey;
import org.paperwire.config.PaperwireConfig;
import org.paperwire.ingest.IngestReport;
import org.paperwire.ingest.bulk.ImportOptions;
import org.paperwire.ingest.bulk.ImportProgress;
import org.paperwire.mail.SmtpSink;
import org.paperwire.search.SearchEngine;
import org.paperwire.search.SearchMode;
import org.paperwire.search.eval.ListingRecords;
import org.paperwire.subscription.Preferences;
import org.paperwire.subscription.Subscriber;
import org.paperwire.subscription.Topic;
import org.paperwire.web.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code paperwire bench cluster}: several {@code serve} nodes on this machine sharing one (empty) PostgreSQL
 * database. Imports the daily listings into it and times keyword search on a node's index, as {@code bench import}
 * and {@code bench search} do; then makes every subscriber due, starts the nodes against a local SMTP sink, kills
 * one with SIGKILL once a quarter of the digests went out, and counts what every address received.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true, description = {
        "Start several serve nodes on one PostgreSQL (store.url, an empty database it fills) and measure import,",
        "keyword search and digests delivered while one node is killed: duplicates and lost must be 0."})
final class BenchClusterCommand implements Callable<Integer> {
    private static final Pattern TO = Pattern.compile("(?m)^To: *(.+?)\\r?$");

    @ParentCommand
    BenchCommand bench;

    @Option(names = "--nodes", paramLabel = "N", description = "serve processes (default 3)")
    int nodes = 3;

    @Option(names = "--subscribers", paramLabel = "N", description = "subscribers due, one digest each (default 2000)")
    int subscribers = 2000;

    @Option(names = "--files", paramLabel = "DIR", description = "daily listing files to import (default: the shared ones)")
    Path folder;

    @Option(names = "--queries", paramLabel = "N", description = "keyword queries timed (default 300)")
    int queries = 300;

    @Option(names = "--no-kill", description = "kill no node during sending")
    boolean noKill;

    @Option(names = "--json", description = "print nodes, digests, seconds, messages_per_second, duplicates, lost,"
            + " killed_node, imported, search as JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (nodes < 1 || subscribers < 1) {
            throw new UserError("--nodes and --subscribers must be at least 1");
        }
        List<Path> files = BenchImportCommand.listFiles(folder != null ? folder : BenchImportCommand.defaultFolder());
        Path root = Files.createTempDirectory("paperwire-bench-cluster-");
        try {
            Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
            flags.put(ConfigKey.DATA_DIR, root.resolve("setup").toString());
            flags.put(ConfigKey.SEARCH_BACKGROUND_EMBEDDING, "false");
            PaperwireConfig config = bench.main.config(flags);
            if (!config.store().postgres()) {
                throw new UserError("bench cluster needs a PostgreSQL database: set store.url (PAPERWIRE_STORE_URL) to"
                        + " an empty database, e.g. jdbc:postgresql://localhost:5432/paperwire_bench, with"
                        + " store.username and store.password");
            }
            ImportBenchResult imported;
            SearchBenchResult search;
            try (Paperwire app = new Paperwire(config, Clock.systemUTC())) {
                if (app.papers().count() > 0 || !app.subscribers().all().isEmpty()) {
                    throw new UserError("the database " + config.store().url() + " is not empty; bench cluster fills"
                            + " an empty one (create one: createdb -O USER paperwire_bench)");
                }
                imported = importListings(app, files);
                addYesterday(app, files.get(files.size() - 1), root);
                search = keywordSearch(app);
                addDueSubscribers(app);
            }
            ClusterBenchResult result = digests(config, root, imported, search);
            print(result);
            return result.duplicates() == 0 && result.lost() == 0 ? 0 : 1;
        } finally {
            BenchImportCommand.deleteTree(root);
        }
    }

    private static ImportBenchResult importListings(Paperwire app, List<Path> files) {
        status("importing %,d listing files into PostgreSQL...", files.size());
        long start = System.nanoTime();
        IngestReport report = app.bulkImporter().importFiles(files, ImportOptions.detect(), ImportProgress.NONE);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new ImportBenchResult(files.size(), report.read(), app.papers().count(), report.failed(),
                Math.round(seconds * 100) / 100.0, Math.round(report.read() / seconds), Memory.peakRssMb());
    }

    /**
     * The nodes run on the real clock, and a digest has only papers newer than the last one: so the newest listing
     * day is imported once more as yesterday's listing, under new ids (2612.NNNNN), untimed. Without it every
     * digest would be skipped as empty.
     */
    private static void addYesterday(Paperwire app, Path newest, Path root) throws IOException {
        Path yesterday = root.resolve(LocalDate.now(ZoneOffset.UTC).minusDays(1) + ".jsonl");
        List<String> lines = new ArrayList<>();
        ListingRecords.read(newest, (id, node) -> {
            ((ObjectNode) node).put("id", String.format("2612.%05d", lines.size() + 1));
            lines.add(node.toString());
            return true;
        });
        Files.write(yesterday, lines, StandardCharsets.UTF_8);
        app.bulkImporter().importFiles(List.of(yesterday), ImportOptions.detect(), ImportProgress.NONE);
        status("added %,d papers listed yesterday (the newest listing day again, under new ids)", lines.size());
    }

    private SearchBenchResult keywordSearch(Paperwire app) throws Exception {
        status("indexing the store's papers on this node (local index)...");
        SearchEngine engine = app.search();
        engine.follower().catchUp();
        SearchBenchmark benchmark = new SearchBenchmark(engine, app.papers());
        List<String> qs = benchmark.queries(queries, 42);
        SearchBenchmark.Latency floor = benchmark.floor(qs);
        Map<SearchMode, SearchBenchmark.Latency> latencies = new LinkedHashMap<>();
        latencies.put(SearchMode.KEYWORD, benchmark.latency(SearchMode.KEYWORD, qs, 2));
        return SearchBenchmark.result(app.papers().count(), engine.index().sizeBytes() / 1e6, engine.index().shape(),
                latencies, floor, null);
    }

    /** Subscribers whose digest is due now (delivery at midnight UTC, subscribed days ago), following trending. */
    private void addDueSubscribers(Paperwire app) {
        status("adding %,d subscribers, every one due...", subscribers);
        Preferences prefs = Preferences.defaults(0, ZoneOffset.UTC);
        List<Topic> topics = List.of(Topic.of(Topic.Kind.TRENDING, ""));
        for (int i = 0; i < subscribers; i++) {
            app.subscribers().create(address(i), Subscriber.Status.ACTIVE, prefs, topics,
                    app.clock().instant().minus(Duration.ofDays(3)));
        }
    }

    private static String address(int i) {
        return "reader" + i + "@bench.example.org";
    }

    private ClusterBenchResult digests(PaperwireConfig config, Path root, ImportBenchResult imported,
            SearchBenchResult search) throws Exception {
        Map<String, AtomicLong> received = new ConcurrentHashMap<>();
        try (SmtpSink sink = new SmtpSink(Duration.ZERO, raw -> {
            Matcher m = TO.matcher(new String(raw, 0, Math.min(raw.length, 8192), StandardCharsets.ISO_8859_1));
            received.computeIfAbsent(m.find() ? m.group(1).strip() : "?", k -> new AtomicLong()).incrementAndGet();
        })) {
            Map<String, String> env = new HashMap<>();
            env.put(ConfigKey.STORE_URL.envName(), config.store().url());
            env.put(ConfigKey.STORE_USERNAME.envName(), config.store().username());
            env.put(ConfigKey.STORE_PASSWORD.envName(), config.store().password());
            env.put(ConfigKey.SMTP_HOST.envName(), "127.0.0.1");
            env.put(ConfigKey.SMTP_PORT.envName(), Integer.toString(sink.port()));
            env.put(ConfigKey.SMTP_SECURITY.envName(), "none");
            env.put(ConfigKey.HARVEST_ENABLED.envName(), "false");
            env.put(ConfigKey.SEARCH_BACKGROUND_EMBEDDING.envName(), "false");
            status("starting %d nodes; each follows the store into its own index while digests go out...", nodes);
            long start = System.nanoTime();
            int killed = -1;
            double seconds;
            try (ClusterNodes cluster = ClusterNodes.start(nodes, root, env, Duration.ofMinutes(5))) {
                long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
                while (received.size() < subscribers && System.nanoTime() < deadline) {
                    if (!noKill && killed < 0 && nodes > 1 && sink.accepted() >= subscribers / 4) {
                        cluster.kill(0);
                        killed = 0;
                        status("killed node 0 (SIGKILL) after %,d messages", sink.accepted());
                    }
                    Thread.sleep(50);
                }
                seconds = (System.nanoTime() - start) / 1e9;
                status("%,d of %,d subscribers have a digest after %.1f s; waiting 30 s for late duplicates...",
                        received.size(), subscribers, seconds);
                Thread.sleep(30_000);
            }
            long duplicates = received.values().stream().mapToLong(n -> n.get() - 1).sum();
            long lost = 0;
            for (int i = 0; i < subscribers; i++) {
                lost += received.containsKey(address(i)) ? 0 : 1;
            }
            return new ClusterBenchResult(nodes, subscribers, Math.round(seconds * 100) / 100.0,
                    Math.round(received.size() / seconds), duplicates, lost, killed, imported, search);
        }
    }

    private void print(ClusterBenchResult r) throws Exception {
        if (json) {
            System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(r));
            return;
        }
        System.out.printf("bench cluster: %d nodes on one PostgreSQL%n", r.nodes());
        System.out.printf("  digests %,d in %.1f s (%,d messages/s), duplicates %d, lost %d, node killed: %s%n",
                r.digests(), r.seconds(), r.messagesPerSecond(), r.duplicates(), r.lost(),
                r.killedNode() < 0 ? "none" : Integer.toString(r.killedNode()));
        System.out.printf("  import  %,d records (%,d papers) in %.1f s: %,d records/s%n", r.imported().papers(),
                r.imported().distinctPapers(), r.imported().seconds(), r.imported().papersPerSecond());
        System.out.printf("  keyword search p50 %.2f ms, p99 %.2f ms, %.0f q/s%n", r.search().keyword().p50Ms(),
                r.search().keyword().p99Ms(), r.search().keyword().qps());
    }

    private static void status(String format, Object... args) {
        System.err.printf("bench: " + format + "%n", args);
    }
}
