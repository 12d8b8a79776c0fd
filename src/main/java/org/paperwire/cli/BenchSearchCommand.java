package org.paperwire.cli;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.paperwire.app.Paperwire;
import org.paperwire.bench.SearchBenchResult;
import org.paperwire.bench.SearchBenchmark;
import org.paperwire.search.SearchEngine;
import org.paperwire.search.SearchMode;
import org.paperwire.search.embed.EmbeddingModel;
import org.paperwire.search.embed.OnnxEmbedder;
import org.paperwire.search.embed.PlainLangchainEmbedder;
import org.paperwire.search.index.SearchIndex;
import org.paperwire.web.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code paperwire bench search}: search latency, throughput, index size and embedding speed on the store. */
@Command(name = "search", mixinStandardHelpOptions = true, description = {
        "Benchmark search over the papers in the store (import them first, e.g. the shared arXiv set).",
        "The first run embeds every paper (long on 2 cores); later runs take the vectors from the cache."})
final class BenchSearchCommand implements Callable<Integer> {
    @ParentCommand
    BenchCommand bench;

    @Option(names = "--json", description = "print the numbers as JSON")
    boolean json;

    @Option(names = "--queries", paramLabel = "N", description = "queries per mode (default 300)")
    int queries = 300;

    @Option(names = "--embed-sample", paramLabel = "N", description = "texts timed for embedding throughput (default 256;"
            + " 0 skips the embedding measurement)")
    int embedSample = 256;

    @Option(names = "--modes", paramLabel = "MODE,...", split = ",", description = "modes to measure, of keyword,"
            + " semantic, hybrid (default all three)")
    List<String> modes = List.of("keyword", "semantic", "hybrid");

    @Option(names = "--embed-limit", paramLabel = "N", description = "embed at most about N papers that lack vectors"
            + " (newest first) before measuring; semantic search covers only embedded papers (default: all)")
    long embedLimit = Long.MAX_VALUE;

    @Override
    public Integer call() throws Exception {
        Set<SearchMode> measured = modes();
        try (Paperwire app = new Paperwire(bench.main.config(Map.of()), Clock.systemUTC())) {
            long docs = app.papers().count();
            if (docs == 0) {
                throw new UserError("the store in " + app.config().dataDir() + " is empty; import papers first,"
                        + " e.g. paperwire import ../shared/data/arxiv/...");
            }
            SearchEngine engine = app.search();
            long t = System.nanoTime();
            long indexed = engine.follower().catchUp();
            System.err.printf("bench: indexed %,d new papers in %.1f s%n", indexed, (System.nanoTime() - t) / 1e9);
            SearchBenchmark benchmark = new SearchBenchmark(engine, app.papers());
            SearchBenchmark.EmbeddingSpeed speed = embedSample > 0 ? embeddingSpeed(app, engine, benchmark) : null;
            System.err.printf("bench: %,d papers without vectors; embedding up to %s of them, newest first...%n",
                    engine.embeddings().backlog(), embedLimit == Long.MAX_VALUE ? "all" : String.format("%,d", embedLimit));
            t = System.nanoTime();
            long embedded = engine.embeddings().drain(embedLimit);
            System.err.printf("bench: embedded %,d papers in %.1f s%n", embedded, (System.nanoTime() - t) / 1e9);
            List<String> qs = benchmark.queries(queries, 42);
            Map<SearchMode, SearchBenchmark.Latency> latencies = new LinkedHashMap<>();
            SearchBenchmark.Latency floor = benchmark.floor(qs);
            for (SearchMode mode : measured) {
                latencies.put(mode, benchmark.latency(mode, qs, 2));
            }
            double indexMb = engine.index().sizeBytes() / 1e6;
            SearchIndex.Shape shape = engine.index().shape();
            SearchBenchResult result = SearchBenchmark.result(docs, indexMb, shape, latencies, floor, speed);
            if (json) {
                System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
            } else {
                System.out.printf("%,d papers, index %.1f MB in %d segments, %.1f %% deleted documents, %,d without"
                        + " vectors%n", docs, indexMb, shape.segments(), 100 * shape.deletedRatio(),
                        engine.embeddings().backlog());
                System.out.printf("%-9s p50 %7.2f ms  p99 %7.2f ms  (bare BM25 top 10 ids)%n", "floor",
                        result.floor().p50Ms(), result.floor().p99Ms());
                result.modes().forEach((mode, l) -> System.out.printf("%-9s p50 %7.2f ms  p99 %7.2f ms  %7.1f q/s"
                        + " (2 clients)  %.1fx floor%n", mode.id(), l.p50Ms(), l.p99Ms(), l.qps(), result.overFloor(l)));
                if (speed != null) {
                    System.out.printf("embedding: pipeline %.1f docs/s, plain embedAll %.1f docs/s (%.2fx)%n",
                            speed.pipelineDocsPerSecond(), speed.plainDocsPerSecond(),
                            speed.pipelineDocsPerSecond() / speed.plainDocsPerSecond());
                }
            }
            return 0;
        }
    }

    /** The modes asked for, in the order given, each once; checked before anything is measured. */
    private Set<SearchMode> modes() {
        Set<SearchMode> chosen = new LinkedHashSet<>();
        for (String id : modes) {
            chosen.add(SearchMode.byId(id).orElseThrow(() -> new UserError("unknown search mode '" + id
                    + "' in --modes; use keyword, semantic or hybrid, comma-separated")));
        }
        return chosen;
    }

    private SearchBenchmark.EmbeddingSpeed embeddingSpeed(Paperwire app, SearchEngine engine, SearchBenchmark benchmark) {
        EmbeddingModel model = engine.embedder().model();
        SearchBenchmark.EmbeddingSpeed speed;
        try (OnnxEmbedder pipeline = new OnnxEmbedder(model, OnnxEmbedder.DEFAULT_MAX_TOKENS,
                app.config().search().embeddingThreads(), OnnxEmbedder.QUERY_INSTRUCTION);
                PlainLangchainEmbedder plain = new PlainLangchainEmbedder(model, OnnxEmbedder.QUERY_INSTRUCTION)) {
            speed = benchmark.embedding(pipeline, plain, embedSample);
        }
        System.err.printf("bench: embedding %d texts: pipeline %.1f docs/s, plain embedAll %.1f docs/s%n",
                speed.texts(), speed.pipelineDocsPerSecond(), speed.plainDocsPerSecond());
        return speed;
    }
}
