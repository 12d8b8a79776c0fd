package org.paperwire.search.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Values worked out by hand from trec_eval's definitions. */
class TrecMetricsTest {
    private final Map<String, Integer> qrels = Map.of("a", 2, "b", 1, "z", 0);

    @Test
    void ndcgUsesGradesAsGainsWithALog2DiscountAndTheIdealFromTheQrels() {
        // ranks: x, b, a -> DCG = 1/log2(3) + 2/log2(4) = 0.63093 + 1 ; IDCG = 2/1 + 1/log2(3) = 2.63093
        assertThat(TrecMetrics.ndcg(List.of("x", "b", "a"), qrels, 10)).isCloseTo(1.63093 / 2.63093, within(1e-5));
        assertThat(TrecMetrics.ndcg(List.of("a", "b"), qrels, 10)).isEqualTo(1.0);
        assertThat(TrecMetrics.ndcg(List.of("x", "a"), qrels, 1)).isZero();
    }

    @Test
    void recallAndReciprocalRankCountOnlyGradesOfOneOrMore() {
        assertThat(TrecMetrics.recall(List.of("z", "b", "x"), qrels, 100)).isEqualTo(0.5);
        assertThat(TrecMetrics.reciprocalRank(List.of("z", "x", "b"), qrels, 10)).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(TrecMetrics.reciprocalRank(List.of("z", "x", "b"), qrels, 2)).isZero();
    }

    @Test
    void tiesAreBrokenByDocumentIdDescendingAsTrecEvalDoes() {
        List<TrecMetrics.Scored> run = List.of(new TrecMetrics.Scored("a", 1.0), new TrecMetrics.Scored("c", 1.0),
                new TrecMetrics.Scored("b", 2.0));
        assertThat(TrecMetrics.trecOrder(run)).containsExactly("b", "c", "a");
    }
}
