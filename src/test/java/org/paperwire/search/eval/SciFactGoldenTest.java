package org.paperwire.search.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paperwire.SharedData;
import org.paperwire.search.FieldWeights;
import org.paperwire.search.Fusion;
import org.paperwire.search.SearchMode;
import org.paperwire.search.embed.EmbeddingModel;
import org.paperwire.search.embed.OnnxEmbedder;

/**
 * Search quality on BEIR SciFact (300 test queries), pinned like Anserini's regressions: a change that moves
 * a number by more than the tolerance fails, and the new numbers go into docs/quality-log.md with the
 * commit that moved them. Keyword scores are exact arithmetic (tight tolerance); model outputs can differ in
 * the last bits between CPUs (ONNX Runtime picks kernels by instruction set), hence the looser one.
 *
 * <p>The first run on a machine embeds the 5,183 documents (minutes on 2 cores); the vectors are cached in
 * {@code ~/.cache/paperwire/test-embeddings}, keyed by model, truncation and text, so later runs only embed
 * the 300 queries.
 */
class SciFactGoldenTest {
    private static final double KEYWORD_TOLERANCE = 0.0005;
    private static final double MODEL_TOLERANCE = 0.005;

    /** Pinned at the commit recorded in docs/quality-log.md. */
    private static final Map<SearchMode, Metrics> PINNED = Map.of(
            SearchMode.KEYWORD, new Metrics(0.6850, 0.9237, 0.6559),
            SearchMode.SEMANTIC, new Metrics(0.7113, 0.9467, 0.6787),
            SearchMode.HYBRID, new Metrics(0.7362, 0.9517, 0.6988));

    @Test
    void sciFactQualityStaysWhereItIsPinned() {
        Path scifact = SharedData.path("beir/scifact");
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "paperwire", "test-embeddings");
        EvalReport report;
        try (OnnxEmbedder embedder = new OnnxEmbedder(EmbeddingModel.BGE_SMALL_EN_V15_Q, OnnxEmbedder.DEFAULT_MAX_TOKENS,
                2, OnnxEmbedder.QUERY_INSTRUCTION)) {
            report = new BeirEvaluator(embedder, FieldWeights.DEFAULT, Fusion.DEFAULT)
                    .evaluate(BeirDataset.load(scifact), List.of(SearchMode.values()), cache, System.err::println);
        }
        assertThat(report.queries()).isEqualTo(300);
        List<String> failures = new ArrayList<>();
        for (SearchMode mode : SearchMode.values()) {
            Metrics pinned = PINNED.get(mode);
            Metrics got = report.modes().get(mode);
            double tolerance = mode == SearchMode.KEYWORD ? KEYWORD_TOLERANCE : MODEL_TOLERANCE;
            check(failures, mode + " nDCG@10", got.ndcg10(), pinned.ndcg10(), tolerance);
            check(failures, mode + " Recall@100", got.recall100(), pinned.recall100(), tolerance);
            check(failures, mode + " MRR@10", got.mrr10(), pinned.mrr10(), tolerance);
        }
        assertThat(failures).as("metrics off their pinned values (update docs/quality-log.md when intended)").isEmpty();
    }

    private static void check(List<String> failures, String what, double got, double pinned, double tolerance) {
        boolean ok = Math.abs(got - pinned) <= tolerance;
        System.err.printf("[%s] SciFact %-20s %.4f (pinned %.4f)%n", ok ? "OK" : "FAIL", what, got, pinned);
        if (!ok) {
            failures.add(String.format("%s: %.4f, pinned %.4f ± %.4f", what, got, pinned, tolerance));
        }
    }
}
