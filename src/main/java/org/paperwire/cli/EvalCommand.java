package org.paperwire.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.paperwire.config.PaperwireConfig;
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

/** {@code paperwire eval --beir DIR | --cloze DIR}: search quality (nDCG@10, Recall@100, MRR@10) on a collection. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Measure search quality on a BEIR-format collection, or on the development collection built from arXiv listings, in a throwaway store and index.")
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
    }

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

    private void print(EvalReport report) {
        if (json) {
            try {
                System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report.toJson()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
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
