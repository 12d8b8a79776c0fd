package org.paperwire.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.paperwire.db.Database;
import org.paperwire.paper.Paper;
import org.paperwire.paper.JdbcPaperStore;
import org.paperwire.search.embed.Embedder;
import org.paperwire.search.embed.EmbeddingModel;
import org.paperwire.search.embed.JdbcEmbeddingLeases;
import org.paperwire.search.embed.OnnxEmbedder;
import org.paperwire.search.embed.JdbcEmbeddingCache;

/**
 * Issue 11, by hand (not a test): seconds for one node, then for two nodes on one SQLite store, to drain the same
 * embedding backlog of N papers with the real bge-small model at {@code threads} embedding threads per node.
 * Usage: {@code java -cp ... org.paperwire.search.SharedEmbeddingBench N threads [word-hash]}.
 */
public final class SharedEmbeddingBench {
    private SharedEmbeddingBench() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        int n = Integer.parseInt(args[0]);
        int threads = Integer.parseInt(args[1]);
        boolean wordHash = args.length > 2 && args[2].equals("word-hash");
        Supplier<Embedder> model = () -> wordHash ? new WordHashEmbedder()
                : new OnnxEmbedder(EmbeddingModel.BGE_SMALL_EN_V15_Q, OnnxEmbedder.DEFAULT_MAX_TOKENS, threads,
                        OnnxEmbedder.QUERY_INSTRUCTION);
        for (int nodes = 1; nodes <= 2; nodes++) {
            Path dir = Files.createTempDirectory("shared-embedding-bench");
            double seconds = drain(dir, n, nodes, model);
            System.out.printf("%d node(s), %d embedding thread(s) each, %s: %d papers in %.1f s = %.1f papers/s%n",
                    nodes, threads, wordHash ? "word-hash" : "bge-small", n, seconds, n / seconds);
        }
    }

    private static double drain(Path dir, int n, int nodes, Supplier<Embedder> model) throws InterruptedException {
        Clock clock = Clock.systemUTC();
        List<Database> stores = new ArrayList<>();
        List<SearchEngine> engines = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            Database store = Database.open(dir.resolve("shared"));
            stores.add(store);
            engines.add(new SearchEngine(new JdbcPaperStore(store.dataSource(), clock),
                    new JdbcEmbeddingCache(store.dataSource()), new JdbcEmbeddingLeases(store.dataSource()),
                    dir.resolve("node-" + i), model.get(), clock, FieldWeights.DEFAULT, Fusion.DEFAULT, false));
        }
        new JdbcPaperStore(stores.get(0).dataSource(), clock).upsertAll(papers(n));
        engines.forEach(e -> e.follower().catchUp());
        engines.forEach(e -> e.embedder().embedDocuments(List.of("warm up the model"))); // load it outside the timing
        long start = System.nanoTime();
        List<Thread> running = engines.stream().map(e -> Thread.ofPlatform().start(e.embeddings()::drain)).toList();
        for (Thread t : running) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        engines.forEach(e -> e.follower().catchUp());
        for (SearchEngine e : engines) {
            if (e.embeddings().backlog() != 0) {
                throw new IllegalStateException("a node's index still lacks " + e.embeddings().backlog() + " vectors");
            }
            e.close();
        }
        stores.forEach(Database::close);
        return seconds;
    }

    private static List<Paper> papers(int n) {
        List<Paper> papers = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            papers.add(new Paper(String.format("2501.%05d", i), 1, "Paper number " + i + " on graph learning",
                    ("We study topic " + (i % 97) + " with method " + (i % 13) + " and report results on benchmark "
                            + (i % 31) + ". ").repeat(6), List.of("Ada Lovelace"), List.of("cs.LG"), null, null, null,
                    Instant.parse("2025-01-01T00:00:00Z").plusSeconds(60L * i), null, null));
        }
        return papers;
    }
}
