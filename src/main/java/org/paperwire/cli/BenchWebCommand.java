package org.paperwire.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.paperwire.app.Paperwire;
import org.paperwire.app.WebApp;
import org.paperwire.config.ConfigKey;
import org.paperwire.ingest.IngestReport;
import org.paperwire.ingest.bulk.ImportOptions;
import org.paperwire.ingest.bulk.ImportProgress;
import org.paperwire.search.SearchMode;
import org.paperwire.search.SearchRequest;
import org.paperwire.search.SearchResults;
import org.paperwire.search.SearchSort;
import org.paperwire.trending.TrendItem;
import org.paperwire.paper.DateWindow;
import org.paperwire.web.Json;
import org.paperwire.web.WebServer;
import org.paperwire.web.bench.HttpLoad;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code paperwire bench web}: requests per second and p99 latency of the trending page, a hybrid search page
 * and paper pages, served by the real web app over the shared daily listings to a load generator in the same
 * process (so both share the machine's cores, as on a small self-hosted box).
 */
@Command(name = "web", mixinStandardHelpOptions = true, description = {
        "Load-test the trending page, hybrid search pages and paper pages over the shared daily listings.",
        "Without --data-dir the store is a fresh temporary one (imported and indexed, then deleted);"
                + " with it an imported store is reused."})
final class BenchWebCommand implements Callable<Integer> {
    /** Distinct papers in the 410 shared daily files: a store holding as many is taken as already imported. */
    static final long SHARED_PAPERS = 74_728;
    /** Searches people run on an AI-heavy arXiv feed, cycled through so no single query's caches flatter it. */
    static final List<String> QUERIES = List.of("video diffusion", "large language model reasoning",
            "retrieval augmented generation", "vision language model hallucination", "graph neural network",
            "reinforcement learning from human feedback", "3d gaussian splatting", "speech recognition",
            "medical image segmentation", "mixture of experts", "protein structure", "autonomous driving planning",
            "code generation benchmark", "knowledge distillation", "federated learning privacy",
            "text to image editing", "multi-agent collaboration", "time series forecasting", "robot manipulation",
            "long context attention");
    static final Goal TRENDING_GOAL = new Goal(1_000, 50);
    static final Goal SEARCH_GOAL = new Goal(0, 100);

    /** A throughput floor (0: none) and a p99 ceiling. */
    record Goal(double minRps, double maxP99Ms) {
        boolean met(HttpLoad.Result r) {
            return r.errors() == 0 && r.rps() >= minRps && r.p99Ms() <= maxP99Ms;
        }

        String describe() {
            return (minRps > 0 ? String.format("≥ %,.0f req/s, ", minRps) : "") + String.format("p99 ≤ %.0f ms", maxP99Ms);
        }
    }

    @ParentCommand
    BenchCommand bench;

    @Option(names = "--files", paramLabel = "DIR",
            description = "folder of daily *.jsonl[.gz] files (default " + BenchImportCommand.DEFAULT_FILES + ")")
    Path folder;

    @Option(names = "--json", description = "print the result as one JSON object")
    boolean json;

    @Option(names = "--seconds", paramLabel = "N", description = "measured seconds per page (default 10)")
    int seconds = 10;

    @Option(names = "--warmup", paramLabel = "N", description = "warm-up seconds per page, not measured (default 3)")
    int warmup = 3;

    @Option(names = "--clients", paramLabel = "N", description = "concurrent client connections (default 2)")
    int clients = 2;

    @Option(names = "--embed", description = "embed every paper that lacks a vector before measuring"
            + " (hours on 2 cores for the whole set; vectors stay cached in the store)")
    boolean embed;

    @Override
    public Integer call() throws Exception {
        if (seconds < 1 || warmup < 0 || clients < 1) {
            throw new UserError("--seconds must be ≥ 1, --warmup ≥ 0 and --clients ≥ 1 (were " + seconds + ", "
                    + warmup + ", " + clients + ")");
        }
        Path temporary = bench.main.dataDir == null ? Files.createTempDirectory("paperwire-bench-web-") : null;
        try {
            Map<String, Object> result = measure(temporary);
            print(result);
            return result.values().stream().anyMatch(v -> v instanceof HttpLoad.Result r && r.errors() > 0) ? 1 : 0;
        } finally {
            if (temporary != null) {
                BenchImportCommand.deleteTree(temporary);
            }
        }
    }

    private Map<String, Object> measure(Path temporary) throws InterruptedException {
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        if (temporary != null) {
            flags.put(ConfigKey.DATA_DIR, temporary.toString());
        }
        // embedding in the background would compete with the requests for the cores; --embed does it up front
        flags.put(ConfigKey.SEARCH_BACKGROUND_EMBEDDING, "false");
        try (Paperwire app = new Paperwire(bench.main.config(flags), Clock.systemUTC())) {
            importUnlessDone(app);
            long indexed = app.search().follower().catchUp();
            progress("search index caught up (%,d papers added)", indexed);
            if (embed) {
                progress("embedding %,d papers without vectors...", app.search().embeddings().backlog());
                app.search().embeddings().drain();
            }
            try (WebServer web = WebApp.create(app); HttpLoad load = new HttpLoad(clients)) {
                String base = "http://127.0.0.1:" + web.start(0);
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("trending", page(load, "trending /", List.of(URI.create(base + "/"))));
                out.put("search", page(load, "hybrid search", searches(base)));
                out.put("paper", page(load, "paper pages", papers(app, base)));
                out.putAll(context(app, out));
                return out;
            }
        }
    }

    private void importUnlessDone(Paperwire app) {
        long papers = app.papers().count();
        if (papers >= SHARED_PAPERS) {
            progress("the store in %s already holds %,d papers; not importing", app.config().dataDir(), papers);
            return;
        }
        List<Path> files = BenchImportCommand.listFiles(folder != null ? folder : BenchImportCommand.defaultFolder());
        progress("importing %,d daily files into %s...", files.size(), app.config().dataDir());
        IngestReport report = app.bulkImporter().importFiles(files, ImportOptions.detect(), ImportProgress.NONE);
        if (report.failed() > 0) {
            throw new UserError(report.failed() + " records failed to import; see the log");
        }
    }

    private HttpLoad.Result page(HttpLoad load, String name, List<URI> targets) throws InterruptedException {
        if (warmup > 0) {
            load.run(targets, Duration.ofSeconds(warmup));
        }
        HttpLoad.Result r = load.run(targets, Duration.ofSeconds(seconds));
        progress("%-14s %,8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  CPU %5.2f ms/req  (%,d requests, %,d errors)",
                name, r.rps(), r.p50Ms(), r.p99Ms(), r.cpuMsPerRequest(), r.requests(), r.errors());
        return r;
    }

    private static List<URI> searches(String base) {
        return QUERIES.stream().map(q -> URI.create(base + "/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)
                + "&mode=hybrid")).toList();
    }

    /** The month's 100 top papers: pages people open from the home page. */
    private static List<URI> papers(Paperwire app, String base) {
        List<TrendItem> top = app.trending().trending(DateWindow.MONTH, null, 0, 100).items();
        if (top.isEmpty()) {
            throw new UserError("the store has no papers in the last month of its listings; nothing to open");
        }
        return top.stream().map(i -> URI.create(base + "/papers/" + i.paper().id())).toList();
    }

    /** What was measured besides the numbers: cores, store size, and how much of hybrid search was semantic. */
    private Map<String, Object> context(Paperwire app, Map<String, Object> measured) {
        long papers = app.papers().count();
        long backlog = app.search().embeddings().backlog();
        SearchResults probe = app.search().service().search(new SearchRequest(QUERIES.get(0), SearchMode.HYBRID,
                List.of(), null, null, SearchSort.RELEVANCE, 0, 10, true));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cores", Runtime.getRuntime().availableProcessors());
        out.put("load_average", Math.round(java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage() * 100) / 100.0);
        out.put("clients", clients);
        out.put("seconds_per_page", seconds);
        out.put("papers", papers);
        out.put("search_mode", backlog == 0 ? "hybrid" : backlog >= papers ? "hybrid, keyword part only (no vectors)"
                : "hybrid, semantic part over the papers with vectors");
        out.put("embedding_backlog", backlog);
        out.put("search_notes", probe.notes());
        out.put("goals_met", Map.of("trending", TRENDING_GOAL.met((HttpLoad.Result) measured.get("trending")),
                "search", SEARCH_GOAL.met((HttpLoad.Result) measured.get("search"))));
        return out;
    }

    private void print(Map<String, Object> result) throws IOException {
        if (json) {
            System.out.println(Json.mapper().writeValueAsString(result));
            return;
        }
        System.out.printf("bench web: %,d papers, %d cores (load average %.2f), %d clients, %d s per page after %d s"
                + " warm-up%n", (Long) result.get("papers"), (Integer) result.get("cores"),
                (Double) result.get("load_average"), clients, seconds, warmup);
        line("trending /", (HttpLoad.Result) result.get("trending"), TRENDING_GOAL);
        line("search", (HttpLoad.Result) result.get("search"), SEARCH_GOAL);
        line("paper", (HttpLoad.Result) result.get("paper"), null);
        System.out.printf("search mode measured: %s; %,d papers without vectors%n", result.get("search_mode"),
                (Long) result.get("embedding_backlog"));
    }

    private static void line(String name, HttpLoad.Result r, Goal goal) {
        System.out.printf("  %-11s %,8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms  CPU %5.2f ms/req"
                + "  %,d errors%s%n", name, r.rps(), r.p50Ms(), r.p99Ms(), r.maxMs(), r.cpuMsPerRequest(), r.errors(),
                goal == null ? "" : "  goal " + goal.describe() + ": " + (goal.met(r) ? "OK" : "FAIL"));
    }

    private static void progress(String format, Object... args) {
        System.err.printf("bench web: " + format + "%n", args);
    }
}
