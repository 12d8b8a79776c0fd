package org.paperwire.search.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.paperwire.db.Database;
import org.paperwire.ingest.PaperIngestor;
import org.paperwire.ingest.SourceRecord;
import org.paperwire.paper.JdbcPaperStore;
import org.paperwire.search.FieldWeights;
import org.paperwire.search.Fusion;
import org.paperwire.search.SearchEngine;
import org.paperwire.search.SearchHit;
import org.paperwire.search.SearchMode;
import org.paperwire.search.SearchRequest;
import org.paperwire.search.embed.Embedder;
import org.paperwire.search.embed.EmbeddingModel;
import org.paperwire.search.embed.JdbcEmbeddingCache;

/**
 * Measures search on a BEIR collection the way the field does: the corpus goes through the normal ingest
 * path into a throwaway store and index, each query runs through the normal {@code SearchService} (top 100),
 * and the runs are scored with {@link TrecMetrics}. Document vectors come from (and go to) a persistent
 * embedding cache, so only the first run on a machine pays for embedding the corpus.
 */
public final class BeirEvaluator {
    static final int DEPTH = 100;
    /** Fixed: evaluation corpora carry no dates, and nothing here may depend on today. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);

    private final Embedder embedder;
    private final FieldWeights weights;
    private final Fusion fusion;

    public BeirEvaluator(Embedder embedder, FieldWeights weights, Fusion fusion) {
        this.embedder = embedder;
        this.weights = weights;
        this.fusion = fusion;
    }

    /** Progress lines for the user (stderr in the CLI). */
    public interface Progress {
        void say(String line);
    }

    public EvalReport evaluate(BeirDataset dataset, List<SearchMode> modes, Path cacheDir, Progress progress) {
        Path scratch = createScratch();
        try (Database store = Database.open(scratch); Database cache = Database.open(cacheDir)) {
            JdbcPaperStore papers = new JdbcPaperStore(store.dataSource(), CLOCK);
            Iterator<SourceRecord> records = dataset.corpus().stream()
                    .<SourceRecord>map(p -> new SourceRecord.Parsed(p, dataset.name() + ":" + p.id())).iterator();
            new PaperIngestor(papers).ingest(records);
            try (SearchEngine engine = new SearchEngine(papers, new JdbcEmbeddingCache(cache.dataSource()), scratch.resolve("index"),
                    new Unclosed(embedder), CLOCK, weights, fusion)) {
                engine.follower().catchUp();
                long embedded = 0;
                double seconds = 0;
                if (modes.stream().anyMatch(m -> m != SearchMode.KEYWORD)) {
                    long pending = engine.embeddings().backlog();
                    progress.say(String.format("embedding %,d of %,d documents with %s (the rest are cached in %s)",
                            pending, dataset.corpus().size(), embedder.cacheKey(), cacheDir));
                    long start = System.nanoTime();
                    embedded = engine.embeddings().drain();
                    seconds = (System.nanoTime() - start) / 1e9;
                    // re-indexing papers as their vectors arrive leaves deleted documents behind, which still count
                    // in BM25's statistics until merged away: rebuild (all vectors cached now) so that keyword
                    // scores don't depend on the order things happened in
                    engine.follower().rebuild(n -> {});
                }
                Map<SearchMode, Metrics> results = new EnumMap<>(SearchMode.class);
                for (SearchMode mode : modes) {
                    results.put(mode, run(engine, dataset, mode));
                }
                return new EvalReport(dataset.name(), dataset.queries().size(), results, embedded, seconds);
            }
        } finally {
            delete(scratch);
        }
    }

    private static Metrics run(SearchEngine engine, BeirDataset dataset, SearchMode mode) {
        double ndcg = 0;
        double recall = 0;
        double mrr = 0;
        for (Map.Entry<String, String> query : dataset.queries().entrySet()) {
            List<SearchHit> hits = engine.service()
                    .search(SearchRequest.of(query.getValue(), mode, DEPTH).withoutSnippets()).hits();
            List<TrecMetrics.Scored> run = new ArrayList<>(hits.size());
            for (SearchHit hit : hits) {
                run.add(new TrecMetrics.Scored(hit.id(), hit.score()));
            }
            List<String> ranked = TrecMetrics.trecOrder(run);
            Map<String, Integer> qrels = dataset.qrels().get(query.getKey());
            ndcg += TrecMetrics.ndcg(ranked, qrels, 10);
            recall += TrecMetrics.recall(ranked, qrels, 100);
            mrr += TrecMetrics.reciprocalRank(ranked, qrels, 10);
        }
        int n = dataset.queries().size();
        return new Metrics(ndcg / n, recall / n, mrr / n);
    }

    private static Path createScratch() {
        try {
            return Files.createTempDirectory("paperwire-eval-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch folder for the evaluation: " + e.getMessage(), e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the scratch folder " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The caller's embedder, left open when the throwaway engine closes (the caller may evaluate again). */
    private record Unclosed(Embedder delegate) implements Embedder {
        @Override
        public EmbeddingModel model() {
            return delegate.model();
        }

        @Override
        public String cacheKey() {
            return delegate.cacheKey();
        }

        @Override
        public List<float[]> embedDocuments(List<String> texts) {
            return delegate.embedDocuments(texts);
        }

        @Override
        public float[] embedQuery(String query) {
            return delegate.embedQuery(query);
        }

        @Override
        public void close() {
            // owned by the caller
        }
    }
}
