package org.paperwire.search;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.paperwire.paper.PaperStore;
import org.paperwire.paper.ReferenceDay;
import org.paperwire.search.embed.Embedder;
import org.paperwire.search.embed.EmbeddingCache;
import org.paperwire.search.index.BackgroundEmbedder;
import org.paperwire.search.index.IndexFollower;
import org.paperwire.search.index.SearchIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Search's parts wired together for one data folder: the index, the follower that keeps it in step with the
 * store, the embedding cache and model, the background embedder and the {@link SearchService} on top.
 * {@link #startBackground} runs following and embedding on their own threads; {@link #close} stops them and
 * releases the index folder.
 */
public final class SearchEngine implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SearchEngine.class);

    private final SearchIndex index;
    private final IndexFollower follower;
    private final EmbeddingCache cache;
    private final Embedder embedder;
    private final BackgroundEmbedder background;
    private final SearchService service;
    private ScheduledExecutorService scheduler;

    public SearchEngine(PaperStore papers, DataSource cacheDataSource, Path indexFolder, Embedder embedder, Clock clock,
            FieldWeights weights, Fusion fusion) {
        this.cache = new EmbeddingCache(cacheDataSource);
        this.embedder = embedder;
        this.index = SearchIndex.open(indexFolder, embedder.cacheKey());
        this.follower = new IndexFollower(papers, index, cache, embedder.cacheKey());
        this.background = new BackgroundEmbedder(index, follower, embedder, cache);
        this.service = new SearchService(index, embedder, cache, background::backlog, new QuerySyntax(ReferenceDay.of(papers, clock)), weights, fusion);
    }

    public SearchService service() {
        return service;
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
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newScheduledThreadPool(2, Thread.ofPlatform().daemon().name("search-", 0).factory());
        scheduler.scheduleWithFixedDelay(() -> guarded("follow the store", follower::catchUp), 0,
                followInterval.toMillis(), TimeUnit.MILLISECONDS);
        if (embed) {
            scheduler.scheduleWithFixedDelay(() -> guarded("embed papers", background::drain), 0,
                    followInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static void guarded(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.error("search: could not {}; will try again", what, e);
        }
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        embedder.close();
        index.close();
    }
}
