package org.paperwire.search;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.paperwire.paper.PaperStore;
import org.paperwire.paper.ReferenceDay;
import org.paperwire.search.embed.Embedder;
import org.paperwire.search.embed.EmbeddingCache;
import org.paperwire.search.embed.EmbeddingLeases;
import org.paperwire.search.index.BackgroundEmbedder;
import org.paperwire.search.index.IndexFollower;
import org.paperwire.search.index.SearchIndex;
import org.paperwire.schedule.PeriodicTask;

/**
 * Search's parts wired together for one data folder: the index, the follower that keeps it in step with the
 * store, the embedding cache and model, the background embedder, the {@link LuceneSearch} backend and the
 * {@link SearchService} on top.
 * {@link #startBackground} runs following and embedding on their own threads; {@link #close} stops them and
 * releases the index folder.
 */
public final class SearchEngine implements AutoCloseable {
    /** How long closing waits for an interrupted follow or embedding pass to end before the index closes. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final SearchIndex index;
    private final IndexFollower follower;
    private final EmbeddingCache cache;
    private final Embedder embedder;
    private final BackgroundEmbedder background;
    private final LuceneSearch lucene;
    private final SearchService service;
    private PeriodicTask following;
    private PeriodicTask embedding;

    /** An engine whose store no other embedder shares (evaluation runs, tests): its embedder leases nothing. */
    public SearchEngine(PaperStore papers, EmbeddingCache cache, Path indexFolder, Embedder embedder, Clock clock,
            FieldWeights weights, Fusion fusion) {
        this(papers, cache, EmbeddingLeases.unshared(), indexFolder, embedder, clock, weights, fusion);
    }

    /** An engine whose background embedder shares the backlog with every other holder of {@code leases}. */
    public SearchEngine(PaperStore papers, EmbeddingCache cache, EmbeddingLeases leases, Path indexFolder,
            Embedder embedder, Clock clock, FieldWeights weights, Fusion fusion) {
        this.cache = cache;
        this.embedder = embedder;
        this.index = SearchIndex.open(indexFolder, embedder.cacheKey());
        this.follower = new IndexFollower(papers, index, cache, embedder.cacheKey());
        this.background = new BackgroundEmbedder(index, follower, papers, embedder, cache, leases, clock);
        this.lucene = new LuceneSearch(index, cache, embedder.cacheKey(), weights);
        this.service = new SearchService(lucene, embedder, background::backlog, new QuerySyntax(ReferenceDay.of(papers, clock)), fusion);
    }

    public SearchService service() {
        return service;
    }

    /** The Lucene backend under {@link #service()} (benchmarks time its queries bare). */
    public LuceneSearch lucene() {
        return lucene;
    }

    public IndexFollower follower() {
        return follower;
    }

    public BackgroundEmbedder embeddings() {
        return background;
    }

    public SearchIndex index() {
        return index;
    }

    public Embedder embedder() {
        return embedder;
    }

    /** What the ingest status shows of search. */
    public record Status(long indexedUpToSeq, long embeddingBacklog) {}

    public Status status() {
        return new Status(index.seq(), background.backlog());
    }

    /**
     * Follows the store every {@code followInterval} and, with {@code embed}, embeds pending papers between
     * looks. A failure is logged and the next round runs as scheduled.
     */
    public synchronized void startBackground(Duration followInterval, boolean embed) {
        if (following != null) {
            return;
        }
        following = PeriodicTask.start("search-follow", Duration.ZERO, followInterval, follower::catchUp);
        if (embed) {
            embedding = PeriodicTask.start("search-embed", Duration.ZERO, followInterval, background::drain);
        }
    }

    @Override
    public synchronized void close() {
        if (following != null) {
            following.closeNow(STOP_WAIT);
        }
        if (embedding != null) {
            embedding.closeNow(STOP_WAIT);
        }
        embedder.close();
        index.close();
    }
}
