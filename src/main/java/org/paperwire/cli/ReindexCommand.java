package org.paperwire.cli;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.paperwire.app.Paperwire;
import org.paperwire.config.PaperwireConfig;
import org.paperwire.search.SearchEngine;
import org.paperwire.search.index.RebuildRequests;
import org.paperwire.search.index.SearchIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code paperwire reindex}: rebuilds the search index from the store (cached embeddings are reused). Beside a
 * running {@code serve}, which holds the index, it asks serve to rebuild ({@link RebuildRequests}) and waits, and
 * {@code --embed} embeds beside serve through the embedding leases without writing the index.
 */
@Command(name = "reindex", mixinStandardHelpOptions = true, description = {
        "Rebuild the search index from the store; embeddings already computed are reused.",
        "Beside a running serve (which holds the index) serve is asked to rebuild it, and this command waits."})
final class ReindexCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    /** Builds the app from the configuration; tests replace it (a stand-in embedder). */
    Function<PaperwireConfig, Paperwire> apps = config -> new Paperwire(config, Clock.systemUTC());

    @Option(names = "--embed", description = "also compute missing embeddings now (long on a large store), newest first")
    boolean embed;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "120", description = "beside a running serve:"
            + " how long to wait for serve to take up the request or report progress (default 120)")
    int waitSeconds;

    @Override
    public Integer call() {
        if (waitSeconds < 1) {
            throw new UserError("--wait must be 1 second or more, not " + waitSeconds);
        }
        PaperwireConfig config = main.config(Map.of());
        try (Paperwire app = apps.apply(config)) {
            SearchEngine engine = app.searchReadOnlyIfHeld();
            if (!engine.readOnly()) {
                return rebuildHere(engine);
            }
            Optional<Integer> status = besideServe(app, engine);
            if (status.isPresent()) {
                return status.get();
            }
        }
        System.err.println("reindex: the process holding the index let it go without rebuilding it; rebuilding here");
        try (Paperwire app = apps.apply(config)) {
            return rebuildHere(app.search());
        }
    }

    private int rebuildHere(SearchEngine engine) {
        long start = System.nanoTime();
        long indexed = engine.rebuild(n -> System.err.printf("\rreindex: %,d papers", n));
        System.err.println();
        printIndexed(engine, indexed, (System.nanoTime() - start) / 1e9);
        return finish(engine);
    }

    /**
     * Asks the serve that holds the index to rebuild it and waits; empty when that serve stopped before it did (the
     * index is free then, and the caller rebuilds it here).
     */
    private Optional<Integer> besideServe(Paperwire app, SearchEngine engine) {
        RebuildRequests requests = engine.rebuilds();
        RebuildRequests.Request request = requests.ask(app.node().value(), app.clock().instant());
        System.err.printf("reindex: another process (a running 'paperwire serve'?) holds the index in %s; asked it"
                + " to rebuild the index (serve looks every %s s, search.follow-interval); waiting...%n",
                requests.requestFile().getParent(), BigDecimal.valueOf(
                        app.config().search().followInterval().toMillis(), 3).stripTrailingZeros().toPlainString());
        boolean[] heard = {false};
        RebuildRequests.Answer answer = requests.await(request, Duration.ofSeconds(waitSeconds), app.clock(), s -> {
            if (!heard[0]) {
                System.err.println("reindex: serve " + s.by() + " took up the request and rebuilds its index");
            }
            heard[0] = true;
            System.err.printf("\rreindex: %,d papers", s.indexed());
        });
        if (heard[0]) {
            System.err.println();
        }
        return switch (answer.outcome()) {
            case DONE -> {
                printIndexed(engine, answer.last().orElseThrow().indexed(), answer.last().orElseThrow().millis() / 1e3);
                yield Optional.of(finish(engine));
            }
            case FAILED -> {
                RebuildRequests.Status s = answer.last().orElseThrow();
                System.err.println("paperwire: serve " + s.by() + " could not rebuild the index: " + s.error()
                        + " (its log says more); run 'paperwire reindex' again to retry");
                yield Optional.of(1);
            }
            case HOLDER_GONE -> Optional.empty();
            case SILENT -> {
                System.err.println("paperwire: " + answer.last().map(s -> "serve " + s.by() + " started rebuilding the"
                        + " index but said nothing more").orElse("the running serve did not take up the rebuild request")
                        + " for " + waitSeconds + " s (a serve older than this command, or busy catching up with a"
                        + " large import?). The request stays in " + requests.requestFile() + ": serve rebuilds the"
                        + " index when it next looks, also after a restart. Delete that file to cancel, or stop serve"
                        + " and run 'paperwire reindex' again.");
                yield Optional.of(1);
            }
        };
    }

    private static void printIndexed(SearchEngine engine, long indexed, double seconds) {
        System.out.printf("indexed %,d papers in %.1f s; %,d wait for embeddings%n", indexed, seconds,
                engine.embeddings().backlog());
    }

    /** With {@code --embed}, embeds the backlog (beside serve through the leases, into serve's index); the shape. */
    private int finish(SearchEngine engine) {
        if (embed) {
            long t = System.nanoTime();
            long embedded = engine.embeddings().drain();
            double seconds = (System.nanoTime() - t) / 1e9;
            System.out.printf("embedded %,d papers in %.1f s (%.1f papers/s)%n", embedded, seconds,
                    embedded / Math.max(seconds, 1e-9));
            if (engine.readOnly() && embedded > 0) {
                System.err.println("reindex: their vectors are in the store; serve's index takes them on its next"
                        + " look at the store");
            }
        }
        SearchIndex.Shape shape = engine.index().shape();
        System.out.printf("index: %d segments, %.1f %% deleted documents%n", shape.segments(),
                100 * shape.deletedRatio());
        return 0;
    }
}
