package org.paperwire.search;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.paperwire.paper.PaperStore;
import org.paperwire.paper.ReferenceDay;
import org.paperwire.search.embed.Embedder;
import org.paperwire.search.embed.EmbeddingCache;
import org.paperwire.search.embed.EmbeddingLeases;
import org.paperwire.search.index.BackgroundEmbedder;
import org.paperwire.search.index.IndexFollower;
import org.paperwire.search.index.IndexLockedException;
import org.paperwire.search.index.RebuildRequests;
import org.paperwire.search.index.SearchIndex;
import org.paperwire.schedule.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Search's parts wired together for one data folder: the index, the follower that keeps it in step with the
 * store, the embedding cache and model, the background embedder, the {@link LuceneSearch} backend and the
 * {@link SearchService} on top.
 * {@link #startBackground} runs following and embedding on their own threads; {@link #close} stops them and
 * releases the index folder.
 */
public final class SearchEngine implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SearchEngine.class);
    /** How long closing waits for an interrupted follow or embedding pass to end before the index closes. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final SearchIndex index;
    private final IndexFollower follower;
    private final EmbeddingCache cache;
    private final Embedder embedder;
    private final BackgroundEmbedder background;
    private final LuceneSearch lucene;
    private final SearchService service;
    private final RebuildRequests rebuilds;
    private PeriodicTask following;
    private PeriodicTask embedding;

    /** An engine whose store no other embedder shares (evaluation runs, tests): its embedder leases nothing. */
    public SearchEngine(PaperStore papers, EmbeddingCache cache, Path indexFolder, Embedder embedder, Clock clock,
            FieldWeights weights, Fusion fusion) {
        this(papers, cache, EmbeddingLeases.unshared(), indexFolder, embedder, clock, weights, fusion, false);
    }

    /**
     * An engine whose background embedder shares the backlog with every other holder of {@code leases}.
     *
     * @param readOnlyIfHeld when another process (a running {@code serve}) holds the index folder, open its index
     *     {@linkplain #readOnly() read-only} instead of failing
     * @throws IndexLockedException when another process holds the folder and {@code readOnlyIfHeld} is false
     */
    public SearchEngine(PaperStore papers, EmbeddingCache cache, EmbeddingLeases leases, Path indexFolder,
            Embedder embedder, Clock clock, FieldWeights weights, Fusion fusion, boolean readOnlyIfHeld) {
        this.cache = cache;
        this.embedder = embedder;
        this.index = open(indexFolder, embedder.cacheKey(), readOnlyIfHeld);
        this.follower = new IndexFollower(papers, index, cache, embedder.cacheKey());
        this.background = new BackgroundEmbedder(index, follower, papers, embedder, cache, leases, clock);
        this.lucene = new LuceneSearch(index, cache, embedder.cacheKey(), weights);
        this.service = new SearchService(lucene, embedder, background::backlog, new QuerySyntax(ReferenceDay.of(papers, clock)), fusion);
        this.rebuilds = new RebuildRequests(indexFolder);
    }

    private static SearchIndex open(Path folder, String modelId, boolean readOnlyIfHeld) {
        try {
            return SearchIndex.open(folder, modelId);
        } catch (IndexLockedException e) {
            if (!readOnlyIfHeld) {
                throw e;
            }
            return SearchIndex.openReadOnly(folder, modelId);
        }
    }

    /**
     * True when another process (a running {@code serve}) holds the index and this engine reads it read-only:
     * that process keeps it following the store and embeds; here {@link #follower()} and {@link #embeddings()}
     * must not be asked to write.
     */
    public boolean readOnly() {
        return index.readOnly();
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

    /**
     * Requests to rebuild this index: {@code reindex} beside a running {@code serve} asks through them, and the
     * process holding the index answers them (on its follow ticks, or in {@link #rebuild}).
     */
    public RebuildRequests rebuilds() {
        return rebuilds;
    }

    /** This process's name as the holder of the index: {@code pid@host/start#tag}, as in the embedding leases. */
    public String holder() {
        return background.holder();
    }

    /**
     * Empties the index and indexes the whole store again (vectors come from the cache); returns the number of
     * papers indexed. A rebuild request waiting in the index folder is answered by this rebuild: its status
     * follows the progress, and the request is removed when done.
     */
    public long rebuild(LongConsumer progress) {
        if (readOnly()) { // before the request is touched: only the index's holder may answer it
            throw new IllegalStateException("the search index is open read-only: the process holding it rebuilds it");
        }
        Optional<RebuildRequests.Request> asked = rebuilds.pending();
        long start = System.nanoTime();
        asked.ifPresent(r -> report(r, RebuildRequests.State.REBUILDING, 0, start, ""));
        try {
            long indexed = follower.rebuild(n -> {
                progress.accept(n);
                asked.ifPresent(r -> report(r, RebuildRequests.State.REBUILDING, n, start, ""));
            });
            asked.ifPresent(r -> {
                report(r, RebuildRequests.State.DONE, indexed, start, "");
                rebuilds.close(r);
            });
            return indexed;
        } catch (RuntimeException e) {
            asked.ifPresent(r -> {
                report(r, RebuildRequests.State.FAILED, 0, start, String.valueOf(e.getMessage()));
                rebuilds.close(r); // said to the asker; asking again retries
            });
            throw e;
        }
    }

    private void report(RebuildRequests.Request r, RebuildRequests.State state, long indexed, long start, String error) {
        rebuilds.report(new RebuildRequests.Status(r.id(), state, holder(), indexed,
                (System.nanoTime() - start) / 1_000_000, error));
    }

    /** A follow tick: rebuilds when a command asked for it, else indexes the store's changes since the last look. */
    private void follow() {
        Optional<RebuildRequests.Request> asked = rebuilds.pending();
        if (asked.isEmpty()) {
            follower.catchUp();
            return;
        }
        log.info("search index: rebuilding it from the store, as {} asked at {}", asked.get().by(), asked.get().at());
        long start = System.nanoTime();
        long indexed = rebuild(n -> {});
        log.info("search index: rebuilt, {} papers in {} ms", indexed, (System.nanoTime() - start) / 1_000_000);
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
     * Follows the store every {@code followInterval} (rebuilding instead when a command asked, see
     * {@link #rebuilds()}) and, with {@code embed}, embeds pending papers between looks. A failure is logged and
     * the next round runs as scheduled.
     */
    public synchronized void startBackground(Duration followInterval, boolean embed) {
        if (following != null) {
            return;
        }
        if (readOnly()) {
            throw new IllegalStateException("the search index is open read-only: another process follows the store");
        }
        following = PeriodicTask.start("search-follow", Duration.ZERO, followInterval, this::follow);
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
