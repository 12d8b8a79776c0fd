package org.paperwire.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paperwire.search.Fusion.Convex;
import org.paperwire.search.Fusion.Normalization;
import org.paperwire.search.Fusion.Pair;

class FusionTest {
    private static final List<Pair> PAIRS = List.of(
            new Pair("a", 10.0, 0.90), // best on both sides
            new Pair("b", 0.0, 0.85), // no query word: BM25 0
            new Pair("c", 5.0, 0.80));

    @Test
    void theoreticalMinMaxDividesByTheMaximumAndWeighsTheSemanticSide() {
        Map<String, Double> fused = new Convex(Normalization.THEORETICAL_MIN_MAX, 0.8).fuse(PAIRS);
        assertThat(fused.get("a")).isCloseTo(0.8 * 1 + 0.2 * 1, within(1e-12));
        assertThat(fused.get("b")).isCloseTo(0.8 * (0.85 / 0.90) + 0.2 * 0, within(1e-12));
        assertThat(fused.get("c")).isCloseTo(0.8 * (0.80 / 0.90) + 0.2 * 0.5, within(1e-12));
    }

    @Test
    void minMaxUsesTheObservedRange() {
        Map<String, Double> fused = new Convex(Normalization.MIN_MAX, 0.5).fuse(PAIRS);
        assertThat(fused.get("a")).isCloseTo(1.0, within(1e-12));
        assertThat(fused.get("b")).isCloseTo(0.5 * 0.5 + 0.5 * 0, within(1e-12));
        assertThat(fused.get("c")).isCloseTo(0.5 * 0 + 0.5 * 0.5, within(1e-12));
    }

    @Test
    void zScoreCentresEachSide() {
        Map<String, Double> fused = new Convex(Normalization.Z_SCORE, 0.5).fuse(PAIRS);
        double sum = fused.values().stream().mapToDouble(Double::doubleValue).sum();
        assertThat(sum).isCloseTo(0, within(1e-9));
        assertThat(fused.get("a")).isGreaterThan(fused.get("c"));
    }

    @Test
    void aPaperWithoutAVectorTakesTheSemanticScoreAtItsKeywordRank() {
        List<Pair> pairs = List.of(new Pair("a", 10.0, 0.9), new Pair("pending", 10.0, Double.NaN),
                new Pair("c", 5.0, 0.45), new Pair("low", 1.0, Double.NaN), new Pair("d", 0.0, 0.81));
        Map<String, Double> fused = new Convex(Normalization.THEORETICAL_MIN_MAX, 0.85).fuse(pairs);
        // keyword normalised: a 1, pending 1, c 0.5, low 0.1, d 0; semantic normalised: a 1, d 0.9, c 0.5
        assertThat(fused.get("pending")).as("tied with the best keyword score: the best semantic score")
                .isCloseTo(0.85 * 1 + 0.15 * 1, within(1e-12));
        assertThat(fused.get("low")).as("second lowest of 5 by keyword: quantile 0.25 of the known semantic scores")
                .isCloseTo(0.85 * 0.5 + 0.15 * 0.1, within(1e-12));
        assertThat(fused.get("c")).isCloseTo(0.85 * 0.5 + 0.15 * 0.5, within(1e-12));
        assertThat(fused.get("pending")).isGreaterThan(fused.get("c")).isGreaterThan(fused.get("low"));
    }

    @Test
    void withNoVectorsAtAllTheKeywordScoreCountsForBoth() {
        List<Pair> pairs = List.of(new Pair("a", 10.0, Double.NaN), new Pair("b", 4.0, Double.NaN));
        Map<String, Double> fused = new Convex(Normalization.THEORETICAL_MIN_MAX, 0.85).fuse(pairs);
        assertThat(fused.get("a")).isCloseTo(1.0, within(1e-12));
        assertThat(fused.get("b")).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void rrfCountsThePendingPapersKeywordRankOnBothSides() {
        List<Pair> pairs = List.of(new Pair("a", 10.0, 0.9), new Pair("c", 5.0, 0.8), new Pair("pending", 1.0, Double.NaN));
        Map<String, Double> fused = new Fusion.Rrf(60).fuse(pairs);
        assertThat(fused.get("pending")).isCloseTo(2.0 / 63, within(1e-12));
        assertThat(fused.get("c")).isCloseTo(2.0 / 62, within(1e-12));
    }

    @Test
    void rrfRanksWithinTheUnion() {
        Map<String, Double> fused = new Fusion.Rrf(60).fuse(PAIRS);
        assertThat(fused.get("a")).isCloseTo(2.0 / 61, within(1e-12));
        assertThat(fused.get("b")).isCloseTo(1.0 / 63 + 1.0 / 62, within(1e-12));
        assertThat(fused.get("c")).isCloseTo(1.0 / 62 + 1.0 / 63, within(1e-12));
    }

    @Test
    void parsesSpecsAndNamesWhatIsWrong() {
        assertThat(Fusion.parse("TMM:0.85")).isEqualTo(new Convex(Normalization.THEORETICAL_MIN_MAX, 0.85));
        assertThat(Fusion.parse("z")).isEqualTo(new Convex(Normalization.Z_SCORE, 0.5));
        assertThat(Fusion.parse("rrf").spec()).isEqualTo("rrf");
        assertThat(Fusion.DEFAULT.spec()).isEqualTo("tmm:0.85");
        assertThatThrownBy(() -> Fusion.parse("mm:1.5")).hasMessageContaining("mm:1.5").hasMessageContaining("0 to 1");
        assertThatThrownBy(() -> Fusion.parse("max")).hasMessageContaining("unknown fusion 'max'");
    }
}
