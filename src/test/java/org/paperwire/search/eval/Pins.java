package org.paperwire.search.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.paperwire.search.FieldWeights;
import org.paperwire.search.Fusion;
import org.paperwire.search.SearchMode;
import org.paperwire.search.embed.EmbeddingModel;
import org.paperwire.search.embed.OnnxEmbedder;

/**
 * Golden quality numbers, checked the way Anserini's regressions check theirs: a change that moves a number
 * by more than the tolerance fails, and the new numbers go into docs/quality-log.md with the commit that
 * moved them. Keyword scores are exact arithmetic (tight tolerance); model outputs differ between CPUs (ONNX
 * Runtime picks its int8 kernels by instruction set), hence the looser one. It was 0.005 until session 3, when a
 * new machine embedded the corpora afresh and the unchanged code of session 2 (commit ebf5bde) gave development
 * semantic nDCG@10 0.4934 / Recall@100 0.7740 against 0.4883 / 0.7640 pinned on the previous machine, and SciFact
 * hybrid 0.7334 / MRR@10 0.6939 against 0.7362 / 0.6988 (docs/quality-log.md). 0.012 covers both machines; a
 * real regression in fusion or truncation moves these numbers by more.
 *
 * <p>Document vectors are cached in {@code ~/.cache/paperwire/test-embeddings}, keyed by model, truncation and
 * text, so only the first run on a machine pays for embedding a corpus.
 */
final class Pins {
    private static final double KEYWORD_TOLERANCE = 0.0005;
    private static final double MODEL_TOLERANCE = 0.012;

    /** {@link ClozeGoldenTest}'s numbers, pinned at the commit recorded in docs/quality-log.md. */
    static final Map<SearchMode, Metrics> CLOZE = Map.of(
            SearchMode.KEYWORD, new Metrics(0.6060, 0.8420, 0.5705),
            SearchMode.SEMANTIC, new Metrics(0.4883, 0.7640, 0.4552),
            SearchMode.HYBRID, new Metrics(0.6563, 0.8680, 0.6242));

    /** {@link SciFactGoldenTest}'s numbers, pinned at the commit recorded in docs/quality-log.md. */
    static final Map<SearchMode, Metrics> SCIFACT = Map.of(
            SearchMode.KEYWORD, new Metrics(0.6850, 0.9237, 0.6559),
            SearchMode.SEMANTIC, new Metrics(0.7113, 0.9467, 0.6787),
            SearchMode.HYBRID, new Metrics(0.7362, 0.9517, 0.6988));

    private Pins() {}

    /** Evaluates all three modes with the shipped settings. */
    static EvalReport evaluate(BeirDataset dataset) {
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "paperwire", "test-embeddings");
        try (OnnxEmbedder embedder = new OnnxEmbedder(EmbeddingModel.BGE_SMALL_EN_V15_Q, OnnxEmbedder.DEFAULT_MAX_TOKENS,
                2, OnnxEmbedder.QUERY_INSTRUCTION)) {
            return new BeirEvaluator(embedder, FieldWeights.DEFAULT, Fusion.DEFAULT)
                    .evaluate(dataset, List.of(SearchMode.values()), cache, System.err::println);
        }
    }

    static void assertPinned(EvalReport report, Map<SearchMode, Metrics> pinned) {
        List<String> failures = new ArrayList<>();
        for (SearchMode mode : SearchMode.values()) {
            Metrics want = pinned.get(mode);
            Metrics got = report.modes().get(mode);
            double tolerance = mode == SearchMode.KEYWORD ? KEYWORD_TOLERANCE : MODEL_TOLERANCE;
            check(failures, report.dataset(), mode + " nDCG@10", got.ndcg10(), want.ndcg10(), tolerance);
            check(failures, report.dataset(), mode + " Recall@100", got.recall100(), want.recall100(), tolerance);
            check(failures, report.dataset(), mode + " MRR@10", got.mrr10(), want.mrr10(), tolerance);
        }
        assertThat(failures).as("metrics off their pinned values (update docs/quality-log.md when intended)").isEmpty();
    }

    private static void check(List<String> failures, String dataset, String what, double got, double pinned,
            double tolerance) {
        boolean ok = Math.abs(got - pinned) <= tolerance;
        System.err.printf("[%s] %s %-20s %.4f (pinned %.4f)%n", ok ? "OK" : "FAIL", dataset, what, got, pinned);
        if (!ok) {
            failures.add(String.format("%s: %.4f, pinned %.4f ± %.4f", what, got, pinned, tolerance));
        }
    }
}
