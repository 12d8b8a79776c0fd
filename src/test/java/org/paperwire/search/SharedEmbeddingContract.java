package org.paperwire.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.db.Database;
import org.paperwire.digest.MutableClock;
import org.paperwire.paper.Paper;
import org.paperwire.paper.PaperStore;
import org.paperwire.paper.JdbcPaperStore;
import org.paperwire.search.embed.CountingEmbedder;
import org.paperwire.search.embed.EmbeddingCache;
import org.paperwire.search.embed.EmbeddingLeases;
import org.paperwire.search.embed.JdbcEmbeddingLeases;
import org.paperwire.search.embed.JdbcEmbeddingCache;
import org.paperwire.search.index.BackgroundEmbedder;

/**
 * Issue 11, embeddings computed once for the cluster: two nodes (each its own data folder, index and connection
 * pool) on one store drain one embedding backlog. A subclass per database says how a node opens the shared store.
 */
abstract class SharedEmbeddingContract {
    private static final Instant T0 = Instant.parse("2025-03-15T12:00:00Z");
    /** A few rounds per node. */
    private static final int PAPERS = 1200;

    @TempDir
    Path dir;
    private final List<AutoCloseable> opened = new ArrayList<>();
    /** How often each text was embedded, by any node. */
    private final Map<String, AtomicInteger> embedded = new ConcurrentHashMap<>();

    /** Opens the store every node of one test shares (a new connection pool on each call). */
    protected abstract Database openSharedStore();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : opened.reversed()) {
            c.close();
        }
    }

    @Test
    void twoNodesDrainingOneBacklogTogetherEmbedEveryPaperOnceAndBothIndexesGetEveryVector() throws Exception {
        CyclicBarrier bothEmbedding = new CyclicBarrier(2);
        Node a = node("a", bothEmbedding, Clock.fixed(T0, ZoneOffset.UTC));
        Node b = node("b", bothEmbedding, Clock.fixed(T0, ZoneOffset.UTC));
        seed(a.papers(), PAPERS);
        a.engine().follower().catchUp();
        b.engine().follower().catchUp();

        List<Throwable> failures = new ArrayList<>();
        List<Thread> threads = List.of(a, b).stream().map(n -> Thread.ofPlatform().name("embed-" + n.name()).start(() -> {
            try {
                n.engine().embeddings().drain();
            } catch (RuntimeException | Error e) {
                synchronized (failures) {
                    failures.add(e);
                }
            }
        })).toList();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(failures).isEmpty();
        a.engine().follower().catchUp();
        b.engine().follower().catchUp();

        assertThat(embedded).hasSize(PAPERS);
        assertThat(embedded.values()).allSatisfy(n -> assertThat(n.get()).as("times one text was embedded").isEqualTo(1));
        // each node's first round waited until the other embedded too: both did a share of the work
        assertThat(a.embedder().documents.get()).isPositive().isLessThan(PAPERS);
        assertThat(a.embedder().documents.get() + b.embedder().documents.get()).isEqualTo(PAPERS);
        for (Node n : List.of(a, b)) {
            assertThat(n.engine().embeddings().backlog()).as("papers without a vector in %s's index", n.name()).isZero();
            assertThat(n.engine().index().shape().liveDocs()).isEqualTo(PAPERS);
        }
    }

    @Test
    void aNodeThatHasNotFollowedAnothersVectorsYetTakesThemFromTheCacheWithoutEmbedding() {
        Node a = node("a", null, Clock.fixed(T0, ZoneOffset.UTC));
        Node b = node("b", null, Clock.fixed(T0, ZoneOffset.UTC));
        seed(a.papers(), 600);
        a.engine().follower().catchUp();
        b.engine().follower().catchUp();

        assertThat(a.engine().embeddings().drain()).isEqualTo(600);
        assertThat(b.engine().embeddings().backlog()).as("b has not followed a's new change numbers yet").isEqualTo(600);
        assertThat(b.engine().embeddings().drain()).as("papers b settled from the cache").isPositive();

        assertThat(b.embedder().documents.get()).isZero();
        assertThat(b.engine().embeddings().backlog()).isZero();
        assertThat(embedded.values()).hasSize(600).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
    }

    @Test
    void papersLeasedByANodeThatDiedArePassedOverUntilTheLeaseEndsAndThenEmbedded() {
        MutableClock clock = new MutableClock(T0);
        Node a = node("a", null, clock);
        seed(a.papers(), 10);
        a.engine().follower().catchUp();
        List<String> dead = List.of("2501.00003", "2501.00007");
        assertThat(new JdbcEmbeddingLeases(a.store().dataSource())
                .take(a.embedder().cacheKey(), dead, "4711@gone#dead", T0, T0.plus(BackgroundEmbedder.LEASE)).mine())
                .isEqualTo(dead);

        assertThat(a.engine().embeddings().drain()).isEqualTo(8);
        assertThat(a.engine().embeddings().backlog()).isEqualTo(2);
        assertThat(a.engine().embeddings().runRound()).as("nothing to take: no spinning on the dead node's papers").isZero();
        assertThat(a.embedder().documents.get()).isEqualTo(8);

        clock.advance(BackgroundEmbedder.LEASE);
        assertThat(a.engine().embeddings().drain()).isEqualTo(2);
        assertThat(a.engine().embeddings().backlog()).isZero();
        assertThat(embedded.values()).hasSize(10).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
    }

    /** One node: its own connection pool on the shared store, its own index folder and embedder. */
    private record Node(String name, Database store, PaperStore papers, CountingEmbedder embedder, SearchEngine engine) {}

    private Node node(String name, CyclicBarrier firstCallTogether, Clock clock) {
        Database store = openSharedStore();
        opened.add(store);
        PaperStore papers = new JdbcPaperStore(store.dataSource(), clock);
        CountingEmbedder embedder = recording(firstCallTogether);
        EmbeddingLeases leases = new JdbcEmbeddingLeases(store.dataSource());
        SearchEngine engine = new SearchEngine(papers, new JdbcEmbeddingCache(store.dataSource()), leases,
                dir.resolve(name).resolve("index"), embedder, clock, FieldWeights.DEFAULT, Fusion.DEFAULT, false);
        opened.add(engine);
        return new Node(name, store, papers, embedder, engine);
    }

    private static void seed(PaperStore papers, int n) {
        List<Paper> batch = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            batch.add(new Paper(String.format("2501.%05d", i), 1, "Paper number " + i + " on graphs",
                    "An abstract about topic " + (i % 97) + " and method " + (i % 13) + ".", List.of("Ada Lovelace"),
                    List.of("cs.LG"), null, null, null, T0.minusSeconds(3600L * i), null, null));
        }
        papers.upsertAll(batch);
    }

    /**
     * The word-hash test model, recording every text it embeds in {@link #embedded}; with a barrier, its first call
     * waits until the other node's embedder has been called too (so both nodes are embedding at once).
     */
    private CountingEmbedder recording(CyclicBarrier firstCallTogether) {
        AtomicBoolean called = new AtomicBoolean();
        return new CountingEmbedder(new WordHashEmbedder(), texts -> {
            if (firstCallTogether != null && !called.getAndSet(true)) {
                try {
                    firstCallTogether.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                    throw new AssertionError("the other node never embedded while this one held its first round", e);
                }
            }
            texts.forEach(t -> embedded.computeIfAbsent(EmbeddingCache.hash(t), h -> new AtomicInteger()).incrementAndGet());
        });
    }
}
