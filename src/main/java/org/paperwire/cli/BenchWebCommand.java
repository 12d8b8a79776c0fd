package org.paperwire.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.paperwire.app.Paperwire;
import org.paperwire.app.WebApp;
import org.paperwire.bench.HttpLoad;
import org.paperwire.bench.WebBenchResult;
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
            WebBenchResult result = measure(temporary);
            print(result);
            return result.anyErrors() ? 1 : 0;
        } finally {
            if (temporary != null) {
                BenchImportCommand.deleteTree(temporary);
            }
        }
    }

    private WebBenchResult measure(Path temporary) throws InterruptedException {
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
                HttpLoad.Result trending = page(load, "trending /", List.of(URI.create(base + "/")));
                HttpLoad.Result search = page(load, "hybrid search", searches(base));
                HttpLoad.Result paper = page(load, "paper pages", papers(app, base));
                return result(app, trending, search, paper);
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

    /** The pages' numbers with what was measured besides them: cores, store size, how semantic search was. */
    private WebBenchResult result(Paperwire app, HttpLoad.Result trending, HttpLoad.Result search,
            HttpLoad.Result paper) {
        long papers = app.papers().count();
        long backlog = app.search().embeddings().backlog();
        SearchResults probe = app.search().service().search(new SearchRequest(QUERIES.get(0), SearchMode.HYBRID,
                List.of(), null, null, SearchSort.RELEVANCE, 0, 10, true));
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return new WebBenchResult(trending, search, paper, Runtime.getRuntime().availableProcessors(),
                Math.round(load * 100) / 100.0, clients, seconds, papers, WebBenchResult.searchMode(papers, backlog),
                backlog, probe.notes(), WebBenchResult.GoalsMet.of(trending, search));
    }

    private void print(WebBenchResult result) throws IOException {
        if (json) {
            System.out.println(Json.mapper().writeValueAsString(result));
            return;
        }
        System.out.printf("bench web: %,d papers, %d cores (load average %.2f), %d clients, %d s per page after %d s"
                + " warm-up%n", result.papers(), result.cores(), result.loadAverage(), clients, seconds, warmup);
        line("trending /", result.trending(), WebBenchResult.TRENDING_GOAL);
        line("search", result.search(), WebBenchResult.SEARCH_GOAL);
        line("paper", result.paper(), null);
        System.out.printf("search mode measured: %s; %,d papers without vectors%n", result.searchMode(),
                result.embeddingBacklog());
    }

    private static void line(String name, HttpLoad.Result r, WebBenchResult.Goal goal) {
        System.out.printf("  %-11s %,8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms  CPU %5.2f ms/req"
                + "  %,d errors%s%n", name, r.rps(), r.p50Ms(), r.p99Ms(), r.maxMs(), r.cpuMsPerRequest(), r.errors(),
                goal == null ? "" : "  goal " + goal.describe() + ": " + (goal.met(r) ? "OK" : "FAIL"));
    }

    private static void progress(String format, Object... args) {
        System.err.printf("bench web: " + format + "%n", args);
    }
}
