package org.paperwire.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.paperwire.config.PaperwireConfig;
import org.paperwire.recommend.ReaderModels;
import org.paperwire.recommend.eval.Listings;
import org.paperwire.recommend.eval.ReaderDay;
import org.paperwire.recommend.eval.ReaderDays;
import org.paperwire.recommend.eval.RecsEvaluator;
import org.paperwire.recommend.eval.RecsReport;
import org.paperwire.search.FieldWeights;
import org.paperwire.search.Fusion;
import org.paperwire.search.SearchMode;
import org.paperwire.search.embed.Embedder;
import org.paperwire.search.embed.EmbeddingModel;
import org.paperwire.search.embed.OnnxEmbedder;
import org.paperwire.search.embed.PlainLangchainEmbedder;
import org.paperwire.search.eval.BeirDataset;
import org.paperwire.search.eval.ClozeCollection;
import org.paperwire.search.eval.BeirEvaluator;
import org.paperwire.search.eval.EvalReport;
import org.paperwire.search.eval.Metrics;
import org.paperwire.web.Json;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code paperwire eval --beir DIR | --cloze DIR}: search quality (nDCG@10, Recall@100, MRR@10) on a collection;
 * {@code paperwire eval --recs TASKS --listings DIR}: recommendation quality (nDCG@10, Recall@20, MRR) on reader-days.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Measure search quality on a BEIR-format collection, or on the development collection built from arXiv listings, in a throwaway store and index; or, with --recs, the quality of recommendations on reader-day tasks.")
final class EvalCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Collection collection;

    /** Which collection: a BEIR folder, or the development collection made from arXiv listings. */
    static final class Collection {
        @Option(names = "--beir", paramLabel = "DIR", description = "folder with corpus.jsonl, queries.jsonl, qrels/test.tsv")
        Path beir;

        @Option(names = "--cloze", paramLabel = "DIR", description = "build the development collection (inverse cloze"
                + " task, 5,000 papers, 500 queries) from the daily arXiv listing files in DIR, e.g."
                + " ../shared/data/arxiv/daily-arxiv-ai-enhanced/data")
        Path cloze;

        @Option(names = "--recs", paramLabel = "TASKS.jsonl", description = "measure recommendations instead: reader-day"
                + " tasks (e.g. ../shared/data/recs/reader-days-dev.jsonl) over the listing files in --listings")
        Path recs;
    }

    @Option(names = "--listings", paramLabel = "DIR", description = "with --recs: the daily arXiv listing files, e.g."
            + " ../shared/data/arxiv/daily-arxiv-ai-enhanced/data")
    Path listings;

    @Option(names = "--term-scale", paramLabel = "X", hidden = true, description = "experiments (--recs): weight of tf-idf terms beside the embedding")
    Double termScale;

    @Option(names = "--embedding-scale", paramLabel = "X", hidden = true, description = "experiments (--recs): weight of the embedding (0: terms only)")
    Double embeddingScale;

    @Option(names = "--nearest", paramLabel = "X", hidden = true, description = "experiments (--recs): weight of the"
            + " similarity to the nearest collection paper beside the linear score (0: linear alone)")
    Double nearest;

    @Option(names = "--language", paramLabel = "X", hidden = true, description = "experiments (--recs): weight of the"
            + " library language model's part (0: none)")
    Double language;

    @Option(names = "--depth", paramLabel = "N", hidden = true, description = "experiments (--recs): how many of the"
            + " linear part's best get the nearest-paper and language-model parts")
    Integer depth;

    @Option(names = "--cost", paramLabel = "C", hidden = true, description = "experiments (--recs): the learner's cost")
    Double cost;

    @Option(names = "--background", paramLabel = "N", hidden = true, description = "experiments (--recs): random background papers")
    int background = RecsEvaluator.BACKGROUND_SAMPLE;

    @Option(names = "--bags", paramLabel = "N", hidden = true, description = "experiments (--recs): bags the background"
            + " is split into, one model trained against each and their mean taken")
    Integer bags;

    @Option(names = "--chars", paramLabel = "X", hidden = true, description = "experiments (--recs): weight of the"
            + " mean of the 3 highest character n-gram cosines to the collection (0: none)")
    Double chars;

    @Option(names = "--seed", paramLabel = "N", hidden = true, description = "experiments (--recs): seed of the background"
            + " samples and the learner (the pinned numbers are the default's)")
    long seed = RecsEvaluator.SEED;

    @Option(names = "--mode", paramLabel = "MODE", description = "keyword, semantic or hybrid (default: all three)")
    String mode;

    @Option(names = "--json", description = "print the numbers as JSON")
    boolean json;

    @Option(names = "--cache", paramLabel = "DIR", description = "embedding cache kept between runs (default: DATA_DIR/eval-cache)")
    Path cache;

    @Option(names = "--fusion", paramLabel = "NAME", hidden = true, description = "experiments: rrf, or mm, tmm or z with a semantic weight (e.g. tmm:0.8)")
    String fusion;

    @Option(names = "--title-weight", paramLabel = "W", hidden = true, description = "experiments: weight of title matches")
    Float titleWeight;

    @Option(names = "--query-instruction", hidden = true, description = "experiments: prefix queries with the model's retrieval instruction")
    boolean instruction = OnnxEmbedder.QUERY_INSTRUCTION;

    @Option(names = "--max-tokens", paramLabel = "N", hidden = true, description = "experiments: document truncation in tokens")
    int maxTokens = OnnxEmbedder.DEFAULT_MAX_TOKENS;

    @Option(names = "--plain-embedder", hidden = true, description = "experiments: langchain4j's embedAll instead of the pipeline")
    boolean plain;

    @Override
    public Integer call() {
        PaperwireConfig config = main.config(Map.of());
        if (collection.recs != null) {
            return recs(config);
        }
        if (listings != null) {
            throw new UserError("--listings goes with --recs only");
        }
        List<SearchMode> modes = mode == null ? List.of(SearchMode.values())
                : List.of(SearchMode.byId(mode).orElseThrow(() -> new UserError("unknown --mode '" + mode
                        + "'; use keyword, semantic or hybrid")));
        BeirDataset dataset;
        try {
            dataset = collection.cloze != null ? ClozeCollection.build(collection.cloze) : BeirDataset.load(collection.beir);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        EmbeddingModel model = EmbeddingModel.byId(config.search().embeddingModel()).orElseThrow();
        Fusion fuse;
        try {
            fuse = fusion == null ? Fusion.DEFAULT : Fusion.parse(fusion);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        FieldWeights weights = titleWeight == null ? FieldWeights.DEFAULT
                : new FieldWeights(FieldWeights.DEFAULT.all(), titleWeight, FieldWeights.DEFAULT.authors());
        Path cacheDir = cache != null ? cache : config.dataDir().resolve("eval-cache");
        try (Embedder embedder = plain ? new PlainLangchainEmbedder(model, instruction)
                : new OnnxEmbedder(model, maxTokens, config.search().embeddingThreads(), instruction)) {
            EvalReport report = new BeirEvaluator(embedder, weights, fuse).evaluate(dataset, modes, cacheDir,
                    line -> System.err.println("eval: " + line));
            if (report.embedded() > 0) {
                System.err.printf("eval: embedded %,d documents in %.1f s (%.1f docs/s)%n", report.embedded(),
                        report.embedSeconds(), report.embedded() / report.embedSeconds());
            }
            print(report);
        }
        return 0;
    }

    private int recs(PaperwireConfig config) {
        if (listings == null) {
            throw new UserError("--recs needs --listings DIR, the daily arXiv listing files"
                    + " (e.g. ../shared/data/arxiv/daily-arxiv-ai-enhanced/data)");
        }
        if (mode != null) {
            throw new UserError("--mode is for search collections; --recs measures the recommendation model");
        }
        long start = System.nanoTime();
        List<ReaderDay> days;
        Listings listed;
        try {
            days = ReaderDays.load(collection.recs);
            listed = Listings.load(listings);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        ReaderModels.Settings d = ReaderModels.Settings.DEFAULT;
        ReaderModels.Settings settings = new ReaderModels.Settings(embeddingScale == null ? d.embeddingScale() : embeddingScale,
                termScale == null ? d.termScale() : termScale, cost == null ? d.c() : cost, d.minPositives(),
                nearest == null ? d.nearestWeight() : nearest, depth == null ? d.rerankDepth() : depth,
                language == null ? d.languageWeight() : language, bags == null ? d.bags() : bags,
                chars == null ? d.charWeight() : chars);
        EmbeddingModel model = EmbeddingModel.byId(config.search().embeddingModel()).orElseThrow();
        Path cacheDir = cache != null ? cache : config.dataDir().resolve("eval-cache");
        try (Embedder embedder = new OnnxEmbedder(model, maxTokens, config.search().embeddingThreads(), instruction)) {
            RecsReport report;
            try {
                report = new RecsEvaluator(embedder, settings, background, seed).evaluate(days, listed, cacheDir,
                        line -> System.err.println("eval: " + line));
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
            if (report.embedded() > 0) {
                System.err.printf("eval: embedded %,d papers in %.1f s (%.1f papers/s)%n", report.embedded(),
                        report.embedSeconds(), report.embedded() / report.embedSeconds());
            }
            System.err.printf("eval: %.1f s in all%n", (System.nanoTime() - start) / 1e9);
            printRecs(report);
        }
        return 0;
    }

    private void printRecs(RecsReport report) {
        if (json) {
            printJson(report.toJson());
            return;
        }
        System.out.printf("recommendations: %d reader-days%n%-10s %8s %10s %7s%n", report.readerDays(), "ranker",
                "nDCG@10", "Recall@20", "MRR");
        System.out.printf("%-10s %8.4f %10.4f %7.4f%n", "model", report.model().ndcg10(), report.model().recall20(),
                report.model().mrr());
        report.baselines().forEach((name, m) -> System.out.printf("%-10s %8.4f %10.4f %7.4f%n", name, m.ndcg10(),
                m.recall20(), m.mrr()));
    }

    private static void printJson(Object value) {
        try {
            System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void print(EvalReport report) {
        if (json) {
            printJson(report.toJson());
            return;
        }
        System.out.printf("%s: %d queries%n%-9s %8s %11s %7s%n", report.dataset(), report.queries(), "mode", "nDCG@10",
                "Recall@100", "MRR@10");
        for (Map.Entry<SearchMode, Metrics> e : report.modes().entrySet()) {
            Metrics m = e.getValue();
            System.out.printf("%-9s %8.4f %11.4f %7.4f%n", e.getKey().id(), m.ndcg10(), m.recall100(), m.mrr10());
        }
    }
}
