package org.paperwire.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.paperwire.paper.PaperStore;
import org.paperwire.search.SearchEngine;
import org.paperwire.search.SearchMode;
import org.paperwire.search.SearchRequest;
import org.paperwire.search.embed.Embedder;
import org.paperwire.search.embed.EmbeddingText;
import org.paperwire.search.index.PaperDocuments;
import org.paperwire.search.index.SearchIndex;

/**
 * {@code bench search}: latency and throughput of the three modes over the store's papers, index size, and
 * embedding throughput of Paperwire's pipeline next to langchain4j's plain {@code embedAll} on the same texts.
 * The index's segment count and share of deleted documents are reported with the latencies, and a floor
 * measured in the same run (see {@link #floor}). Queries are made from paper titles (a seeded sample, cut to
 * 3 to 8 words), the way people search for a topic they half remember.
 */
public final class SearchBenchmark {
    private static final int WARMUP_PASSES = 2;
    private static final Set<String> ID_ONLY = Set.of(PaperDocuments.ID);

    private final SearchEngine engine;
    private final PaperStore papers;

    public SearchBenchmark(SearchEngine engine, PaperStore papers) {
        this.engine = engine;
        this.papers = papers;
    }

    /** Latency percentiles and two-client throughput of one mode. */
    public record Latency(double p50Ms, double p99Ms, double qps) {}

    /** Documents per second of each embedding path on the same texts. */
    public record EmbeddingSpeed(int texts, double pipelineDocsPerSecond, double plainDocsPerSecond) {}

    /** Up to {@code n} queries from a seeded sample of titles. */
    public List<String> queries(int n, long seed) {
        List<String> titles = new ArrayList<>();
        long seq = 0;
        for (List<PaperStore.Change> batch = papers.changesSince(seq, 5000); !batch.isEmpty();
                batch = papers.changesSince(seq, 5000)) {
            for (PaperStore.Change c : batch) {
                titles.add(c.paper().title());
            }
            seq = batch.getLast().seq();
        }
        Random random = new Random(seed);
        List<String> queries = new ArrayList<>(n);
        for (int i = 0; i < n && !titles.isEmpty(); i++) {
            String[] words = titles.get(random.nextInt(titles.size())).replaceAll("[^\\p{L}\\p{N}\\s-]", " ").strip()
                    .split("\\s+");
            int len = Math.min(words.length, 3 + random.nextInt(6));
            queries.add(String.join(" ", Arrays.copyOf(words, len)));
        }
        return queries;
    }

    /** Single-client p50/p99 over {@code queries}, then queries per second with {@code clients} threads. */
    public Latency latency(SearchMode mode, List<String> queries, int clients) throws Exception {
        double[] ms = timed(query -> run(mode, query), queries);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            AtomicInteger next = new AtomicInteger();
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                done.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < queries.size(); i = next.getAndIncrement()) {
                        run(mode, queries.get(i));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Latency(percentile(ms, 0.50), percentile(ms, 0.99), queries.size() / seconds);
        } finally {
            pool.shutdownNow();
        }
    }

    private void run(SearchMode mode, String query) {
        engine.service().search(SearchRequest.of(query, mode, 10));
    }

    /**
     * Single-client p50/p99 of the least any keyword search must do: Lucene's BM25 top 10 of the keyword
     * query's terms and their ids, on a searcher of the same index, without query syntax, filters, ties,
     * snippets or the service around it. Keyword p50 over this is the service's overhead as a ratio, which
     * moves less from machine to machine than milliseconds do.
     */
    public Latency floor(List<String> queries) {
        double[] ms = timed(this::bareTopTen, queries);
        return new Latency(percentile(ms, 0.50), percentile(ms, 0.99), 0);
    }

    private List<String> bareTopTen(String text) {
        Query query = engine.lucene().textQuery(text);
        if (query == null) {
            return List.of(); // only stop words: the service answers at once too
        }
        return engine.index().withSearcher(searcher -> {
            StoredFields stored = searcher.storedFields();
            List<String> ids = new ArrayList<>(10);
            for (ScoreDoc hit : searcher.search(query, 10).scoreDocs) {
                ids.add(stored.document(hit.doc, ID_ONLY).get(PaperDocuments.ID));
            }
            return ids;
        });
    }

    /** Milliseconds of each query run once on this thread, sorted, after {@link #WARMUP_PASSES} untimed passes. */
    private static double[] timed(Consumer<String> search, List<String> queries) {
        for (int pass = 0; pass < WARMUP_PASSES; pass++) {
            queries.forEach(search); // JIT, page cache, HNSW graph in memory: a server that has been up a while
        }
        double[] ms = new double[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            long t = System.nanoTime();
            search.accept(queries.get(i));
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** Embeds the same {@code n} newest paper texts with both paths (each warmed up first) and times them. */
    public EmbeddingSpeed embedding(Embedder pipeline, Embedder plain, int n) {
        List<String> texts = new ArrayList<>();
        long seq = Math.max(0, papers.lastSeq() - n);
        for (PaperStore.Change c : papers.changesSince(seq, n)) {
            texts.add(EmbeddingText.of(c.paper()));
        }
        List<String> warm = texts.subList(0, Math.min(8, texts.size()));
        pipeline.embedDocuments(warm);
        plain.embedDocuments(warm);
        long t = System.nanoTime();
        pipeline.embedDocuments(texts);
        double pipelineSeconds = (System.nanoTime() - t) / 1e9;
        t = System.nanoTime();
        plain.embedDocuments(texts);
        double plainSeconds = (System.nanoTime() - t) / 1e9;
        return new EmbeddingSpeed(texts.size(), texts.size() / pipelineSeconds, texts.size() / plainSeconds);
    }

    /** The measurements as one result, rounded as {@link SearchBenchResult} documents. */
    public static SearchBenchResult result(long docs, double indexMb, SearchIndex.Shape shape,
            Map<SearchMode, Latency> modes, Latency floor, EmbeddingSpeed speed) {
        Latency keyword = rounded(modes.get(SearchMode.KEYWORD));
        SearchBenchResult.Floor f = new SearchBenchResult.Floor(round(floor.p50Ms()), round(floor.p99Ms()));
        return new SearchBenchResult(docs, round(indexMb), shape.segments(),
                Math.round(shape.deletedRatio() * 10_000) / 10_000.0, keyword, rounded(modes.get(SearchMode.SEMANTIC)),
                rounded(modes.get(SearchMode.HYBRID)), f,
                keyword == null ? null : round(modes.get(SearchMode.KEYWORD).p50Ms() / Math.max(floor.p50Ms(), 1e-6)),
                speed == null ? null : new EmbeddingSpeed(speed.texts(), round(speed.pipelineDocsPerSecond()),
                        round(speed.plainDocsPerSecond())));
    }

    private static Latency rounded(Latency l) {
        return l == null ? null : new Latency(round(l.p50Ms()), round(l.p99Ms()), round(l.qps()));
    }

    private static double round(double x) {
        return Math.round(x * 100) / 100.0;
    }
}
