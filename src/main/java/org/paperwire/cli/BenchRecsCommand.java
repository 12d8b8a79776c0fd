package org.paperwire.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.paperwire.bench.RecsBenchResult;
import org.paperwire.bench.RecsBenchmark;
import org.paperwire.config.PaperwireConfig;
import org.paperwire.recommend.ReaderModels;
import org.paperwire.recommend.Recommendations;
import org.paperwire.recommend.eval.Listings;
import org.paperwire.search.embed.EmbeddingModel;
import org.paperwire.web.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code paperwire bench recs}: N readers, each with one collection, trained and scored over one day of new
 * papers ({@link RecsBenchmark} says what is real and what is synthetic).
 */
@Command(name = "recs", mixinStandardHelpOptions = true, description = {
        "Benchmark recommendations: train a model for each of N readers' collections and score one day of new",
        "papers for all of them (top 20 with their closest library papers). Texts come from real listings;",
        "embeddings are synthetic."})
final class BenchRecsCommand implements Callable<Integer> {
    @ParentCommand
    BenchCommand bench;

    @Option(names = "--readers", paramLabel = "N", description = "readers (default 10000)")
    int readers = 10_000;

    @Option(names = "--library", paramLabel = "N", description = "papers in each reader's collection (default 50)")
    int library = 50;

    @Option(names = "--day", paramLabel = "N", description = "new papers of the day to score (default 500)")
    int day = 500;

    @Option(names = "--background", paramLabel = "N", description = "background papers every model trains against (default: what serve uses, 300)")
    int background = Recommendations.Settings.DEFAULT.backgroundSize();

    @Option(names = "--listings", paramLabel = "DIR", description = "daily arXiv listing files the texts come from"
            + " (default: ../shared/data/arxiv/daily-arxiv-ai-enhanced/data)")
    Path listings = Path.of("../shared/data/arxiv/daily-arxiv-ai-enhanced/data");

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: the machine's cores)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--json", description = "print readers, train_ms_p50, score_seconds, peak_rss_mb (and what the run was made of) as JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (readers < 1 || library < 1 || day < 1 || background < 1 || threads < 1) {
            throw new UserError("--readers, --library, --day, --background and --threads must be at least 1");
        }
        PaperwireConfig config = bench.main.config(Map.of());
        Listings listed;
        try {
            listed = Listings.load(listings);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        // the newest papers are the day; the pool libraries and background come from is what was listed before
        List<Listings.Listed> newestFirst = new ArrayList<>(listed.ids().stream().map(id -> listed.paper(id).orElseThrow())
                .sorted((a, b) -> b.firstListed().compareTo(a.firstListed()) != 0 ? b.firstListed().compareTo(a.firstListed())
                        : a.id().compareTo(b.id())).toList());
        int poolSize = Math.max(background, 5_000);
        if (newestFirst.size() < day + poolSize) {
            throw new UserError(listings + " holds " + newestFirst.size() + " papers; the benchmark needs " + (day + poolSize));
        }
        List<String> dayTexts = newestFirst.subList(0, day).stream().map(Listings.Listed::text).toList();
        List<String> pool = newestFirst.subList(day, day + poolSize).stream().map(Listings.Listed::text).toList();
        int dimension = EmbeddingModel.byId(config.search().embeddingModel()).orElseThrow().dimension();
        RecsBenchResult r = new RecsBenchmark(ReaderModels.Settings.DEFAULT, dimension, threads)
                .run(readers, library, background, pool, dayTexts, LocalDate.of(2026, 12, 1).toEpochDay(),
                        line -> System.err.println("bench: " + line));
        if (json) {
            System.out.println(Json.mapper().writeValueAsString(r));
        } else {
            System.out.printf("readers            %,d (%d papers each), %d new papers, %d background papers%n", r.readers(),
                    r.libraryPapers(), r.dayPapers(), r.backgroundPapers());
            System.out.printf("training           p50 %.2f ms, p95 %.2f ms per collection (%.1f s in all, %d threads)%n",
                    r.trainMsP50(), r.trainMsP95(), r.trainSeconds(), r.threads());
            System.out.printf("scoring            %.2f s for every reader (top 20, closest library papers named)%n",
                    r.scoreSeconds());
            System.out.printf("peak memory (RSS)  %,d MB%n", r.peakRssMb());
        }
        return 0;
    }
}
