package org.paperwire.cli;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.paperwire.app.Paperwire;
import org.paperwire.search.SearchEngine;
import org.paperwire.search.index.SearchIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code paperwire reindex}: rebuilds the search index from the store (cached embeddings are reused). */
@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = "Rebuild the search index from the store; embeddings already computed are reused.")
final class ReindexCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = "--embed", description = "also compute missing embeddings now (long on a large store), newest first")
    boolean embed;

    @Override
    public Integer call() {
        try (Paperwire app = new Paperwire(main.config(Map.of()), Clock.systemUTC())) {
            SearchEngine engine = app.search();
            long start = System.nanoTime();
            long indexed = engine.follower().rebuild(n -> System.err.printf("\rreindex: %,d papers", n));
            System.err.println();
            System.out.printf("indexed %,d papers in %.1f s; %,d wait for embeddings%n", indexed,
                    (System.nanoTime() - start) / 1e9, engine.embeddings().backlog());
            if (embed) {
                long t = System.nanoTime();
                long embedded = engine.embeddings().drain();
                double seconds = (System.nanoTime() - t) / 1e9;
                System.out.printf("embedded %,d papers in %.1f s (%.1f papers/s)%n", embedded, seconds,
                        embedded / Math.max(seconds, 1e-9));
            }
            SearchIndex.Shape shape = engine.index().shape();
            System.out.printf("index: %d segments, %.1f %% deleted documents%n", shape.segments(),
                    100 * shape.deletedRatio());
            return 0;
        }
    }
}
