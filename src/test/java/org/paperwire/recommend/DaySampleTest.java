package org.paperwire.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.paperwire.recommend.eval.RecsEvaluator;

/** A day's sample (the evaluation's backgrounds, the service's month sample): fixed by the seed and the day. */
class DaySampleTest {
    private static final List<Integer> KNOWN = IntStream.range(0, 1_000).boxed().toList();
    private static final LocalDate DAY = LocalDate.parse("2025-10-01");

    @Test
    void theSameSeedAndDayDrawTheSameSampleOfDistinctKnownPapers() {
        List<Integer> sample = DaySample.draw(KNOWN, DAY, 300, RecsEvaluator.SEED);

        assertThat(sample).hasSize(300).doesNotHaveDuplicates().isSubsetOf(KNOWN);
        assertThat(DaySample.draw(KNOWN, DAY, 300, RecsEvaluator.SEED)).isEqualTo(sample);
    }

    @Test
    void anotherSeedOrDayDrawsAnotherSample() {
        List<Integer> sample = DaySample.draw(KNOWN, DAY, 300, RecsEvaluator.SEED);

        assertThat(DaySample.draw(KNOWN, DAY, 300, 1)).isNotEqualTo(sample);
        assertThat(DaySample.draw(KNOWN, DAY.plusDays(1), 300, RecsEvaluator.SEED)).isNotEqualTo(sample);
    }

    @Test
    void fewerKnownPapersThanTheSampleSizeAreAllTaken() {
        assertThat(DaySample.draw(KNOWN.subList(0, 10), DAY, 300, 7)).containsExactlyInAnyOrderElementsOf(
                KNOWN.subList(0, 10));
    }
}
