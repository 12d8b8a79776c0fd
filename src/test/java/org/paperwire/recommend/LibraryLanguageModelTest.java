package org.paperwire.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The query likelihood of a paper under its collection's pooled, Dirichlet-smoothed language model. */
class LibraryLanguageModelTest {
    private static PaperFeatures paper(String id, Map<String, Integer> counts) {
        return new PaperFeatures(id, new float[0], TermVector.EMPTY, TermCounts.of(counts));
    }

    @Test
    void isTheFormulaOfTheJavadoc() {
        // the month: "model" 1,000 times, "tcadgpt" once, "diffusion" 99 times, in 100,000 terms
        CollectionCounts month = new CollectionCounts(Map.of("model", 1_000, "tcadgpt", 1, "diffusion", 99,
                "other", 98_900));
        List<PaperFeatures> library = List.of(paper("a", Map.of("model", 3, "tcadgpt", 2)),
                paper("b", Map.of("model", 1, "diffusion", 4)));
        PaperFeatures candidate = paper("c", Map.of("tcadgpt", 1, "model", 2, "unseen", 1));
        double mu = LibraryLanguageModel.MU;
        double libraryLength = 10;
        double expected = 1 * Math.log1p(2 / (mu * 1 / 100_000.0)) + 2 * Math.log1p(4 / (mu * 1_000 / 100_000.0))
                + 4 * Math.log(mu / (libraryLength + mu)); // "unseen" is in no library paper: only its length counts
        assertThat(LibraryLanguageModel.scores(library, List.of(candidate), month)[0]).isCloseTo(expected, within(1e-9));
    }

    @Test
    void aRareTermSharedWithTheLibraryWeighsMoreThanACommonOne() {
        CollectionCounts month = new CollectionCounts(Map.of("model", 5_000, "tcadgpt", 2, "other", 95_000));
        List<PaperFeatures> library = List.of(paper("a", Map.of("model", 2, "tcadgpt", 2)));
        PaperFeatures rare = paper("rare", Map.of("tcadgpt", 1, "other", 1));
        PaperFeatures common = paper("common", Map.of("model", 1, "other", 1));
        double[] s = LibraryLanguageModel.scores(library, List.of(rare, common), month);
        assertThat(s[0]).isGreaterThan(s[1]);
    }

    @Test
    void aTermTheMonthNeverSawCountsAsSeenOnce() {
        CollectionCounts month = new CollectionCounts(Map.of("model", 100));
        assertThat(month.probability(TermCounts.hash("brandnew"))).isEqualTo(month.probability(TermCounts.hash("x")))
                .isEqualTo(1 / 100.0);
        assertThat(month.count(TermCounts.hash("model"))).isEqualTo(100);
    }
}
