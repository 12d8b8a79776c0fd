package org.paperwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.app.Paperwire;
import org.paperwire.config.ConfigKey;
import org.paperwire.config.ConfigSources;
import org.paperwire.config.TestConfigs;
import org.paperwire.paper.Paper;
import org.paperwire.paper.Papers;
import org.paperwire.search.SearchEngine;
import org.paperwire.search.WordHashEmbedder;
import org.paperwire.search.embed.CountingEmbedder;
import org.paperwire.search.index.PaperDocuments;
import org.paperwire.search.index.RebuildRequests;
import org.paperwire.web.TestServer;

/**
 * Issue 11: {@code reindex} beside a running {@code serve} shares the work instead of refusing. An in-process serve
 * (an app holding the data folder's index, following the store in the background as {@code serve} does) and the
 * command on the same folder, both with the word-hash stand-in model.
 */
class ReindexBesideServeTest {
    static final int PAPERS = 300; // more than one embedding round (256)
    /** A generous bound for what serve does on its own threads; the tests assert outcomes, never durations. */
    static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    Paperwire serve;
    volatile boolean serveClosed;
    final CountingEmbedder commandModel = new CountingEmbedder(new WordHashEmbedder());

    /** Opens "serve" with {@code model}: the store gets the papers and serve's index holds them (and the lock). */
    SearchEngine serve(CountingEmbedder model, boolean backgroundEmbedding) {
        ConfigSources settings = TestServer.settings(dir)
                .with(ConfigKey.SEARCH_FOLLOW_INTERVAL, "PT0.05S")
                .with(ConfigKey.SEARCH_BACKGROUND_EMBEDDING, Boolean.toString(backgroundEmbedding));
        serve = new Paperwire(TestConfigs.from(settings), Clock.systemUTC(), m -> model);
        List<Paper> papers = new ArrayList<>();
        for (int i = 1; i <= PAPERS; i++) {
            papers.add(Papers.paper("2601.%05d".formatted(i), 1, "Paper %d on graph colouring".formatted(i)));
        }
        serve.papers().upsertAll(papers);
        serve.search().follower().catchUp();
        return serve.search();
    }

    @AfterEach
    void stopServe() {
        if (serve != null && !serveClosed) {
            serve.close();
        }
    }

    CliRun reindex(String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", dir.toString(), "reindex"));
        all.addAll(List.of(args));
        return CliRun.paperwire(cli -> {
            ReindexCommand command = cli.getSubcommands().get("reindex").getCommand();
            command.apps = config -> new Paperwire(config, Clock.systemUTC(), m -> commandModel);
            return cli;
        }, all.toArray(String[]::new));
    }

    static long count(SearchEngine engine, String field, String value) {
        return engine.index().withSearcher(s -> (long) s.count(new TermQuery(new Term(field, value))));
    }

    static String title(SearchEngine engine, String id) {
        return engine.index().withSearcher(s -> s.storedFields().document(
                s.search(new TermQuery(new Term(PaperDocuments.ID, id)), 1).scoreDocs[0].doc).get(PaperDocuments.TITLE));
    }

    static void await(String what, BooleanSupplier done) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!done.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void plainReindexGetsServeToRebuildItsIndexFromTheStoreAndPrintsTheSummary() {
        SearchEngine index = serve(new CountingEmbedder(new WordHashEmbedder()), false);
        // serve's index drifted from the store: a stale copy of a paper, and a paper the store does not have
        index.index().update(List.of(
                PaperDocuments.toDocument(Papers.paper("2601.00007", 1, "Stale title"), null),
                PaperDocuments.toDocument(Papers.paper("2601.99999", 1, "Not in the store"), null)), 0);
        assertThat(index.index().shape().liveDocs()).isEqualTo(PAPERS + 1);
        assertThat(title(index, "2601.00007")).isEqualTo("Stale title");
        serve.startBackground();

        CliRun run = reindex();

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("indexed 300 papers in").contains("300 wait for embeddings")
                .contains("index: ");
        assertThat(run.err()).contains("asked it to rebuild").contains("serve " + index.holder() + " took up the request");
        assertThat(index.index().shape().liveDocs()).isEqualTo(PAPERS);
        assertThat(count(index, PaperDocuments.ID, "2601.99999")).isZero();
        assertThat(title(index, "2601.00007")).isEqualTo("Paper 7 on graph colouring");
        assertThat(Files.exists(index.rebuilds().requestFile())).as("the request is answered and removed").isFalse();
    }

    @Test
    void embedBesideServeEmbedsTheBacklogOnceAndServesIndexTakesTheVectors() throws Exception {
        CountingEmbedder serveModel = new CountingEmbedder(new WordHashEmbedder());
        SearchEngine index = serve(serveModel, false);
        serve.startBackground();

        CliRun run = reindex("--embed");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("indexed 300 papers in").contains("embedded 300 papers in");
        assertThat(commandModel.documents.get()).isEqualTo(PAPERS);
        assertThat(serveModel.documents.get()).isZero();
        await("serve's index to follow the embedded papers", () -> index.embeddings().backlog() == 0);
        assertThat(count(index, PaperDocuments.VECTOR_STATE, PaperDocuments.EMBEDDED)).isEqualTo(PAPERS);

        CliRun again = reindex("--embed"); // serve rebuilds with the cached vectors: nothing is embedded twice

        assertThat(again.status()).as(again.err()).isZero();
        assertThat(again.out()).contains("0 wait for embeddings").contains("embedded 0 papers");
        assertThat(commandModel.documents.get()).isEqualTo(PAPERS);
    }

    @Test
    void embedBesideServePassesOverThePapersServeIsEmbeddingAndEachIsEmbeddedOnce() throws Exception {
        CountDownLatch serveEmbedding = new CountDownLatch(1);
        CountDownLatch letServeGoOn = new CountDownLatch(1);
        CountingEmbedder serveModel = new CountingEmbedder(new WordHashEmbedder(), texts -> {
            serveEmbedding.countDown();
            try {
                letServeGoOn.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        SearchEngine index = serve(serveModel, true);
        serve.startBackground();
        try {
            assertThat(serveEmbedding.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue(); // it holds its round

            CliRun run = reindex("--embed");

            assertThat(run.status()).as(run.err()).isZero();
            assertThat(run.out()).contains("embedded 44 papers in"); // 300 less serve's round of 256
        } finally {
            letServeGoOn.countDown();
        }
        await("serve's index to hold every vector", () -> index.embeddings().backlog() == 0);
        assertThat(serveModel.documents.get()).isEqualTo(256);
        assertThat(commandModel.documents.get()).isEqualTo(PAPERS - 256);
    }

    @Test
    void aServeThatDoesNotAnswerLeavesTheRequestAndTakesItUpLater() throws Exception {
        SearchEngine index = serve(new CountingEmbedder(new WordHashEmbedder()), false); // holds the index, no follow

        CliRun run = reindex("--wait", "1");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("did not take up the rebuild request for 1 s")
                .contains(index.rebuilds().requestFile().toString()).contains("Delete that file to cancel")
                .doesNotContain("Exception");
        assertThat(index.rebuilds().pending()).isPresent();

        serve.startBackground();

        await("serve to take up the request", () -> index.rebuilds().pending().isEmpty());
        assertThat(index.rebuilds().status()).get().extracting(RebuildRequests.Status::state)
                .isEqualTo(RebuildRequests.State.DONE);
    }

    @Test
    void whenServeStopsWithoutAnsweringTheCommandRebuildsTheIndexItself() throws Exception {
        SearchEngine index = serve(new CountingEmbedder(new WordHashEmbedder()), false);
        Path request = index.rebuilds().requestFile();
        Thread stopper = Thread.ofPlatform().start(() -> {
            try {
                while (!Files.exists(request)) {
                    Thread.sleep(10);
                }
                serve.close(); // as a serve stopping, or an older one that never answers, is stopped
                serveClosed = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        CliRun run = reindex();

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err()).contains("rebuilding here");
        assertThat(run.out()).contains("indexed 300 papers in");
        assertThat(Files.exists(request)).isFalse();
        stopper.join();
    }
}
