package org.paperwire.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
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
    void oneDaysTermsServeLibrariesOneAfterAnotherEachScoredAsIfAlone() {
        // counts above the weight table's (5 and more), terms in several library papers, a library term no paper of
        // the day holds, and a second library on the same thread: what the first left must not count for it
        Map<String, Integer> monthCounts = new HashMap<>();
        for (int t = 0; t < 40; t++) {
            monthCounts.put("t" + t, 1 + t * 7);
        }
        CollectionCounts month = new CollectionCounts(monthCounts);
        List<PaperFeatures> day = List.of(paper("d1", Map.of("t1", 2, "t2", 1, "t3", 6)),
                paper("d2", Map.of("t2", 3, "t9", 1)), paper("d3", Map.of("t30", 1, "t31", 1)));
        DayTerms terms = DayTerms.of(day, month);
        List<PaperFeatures> first = List.of(paper("a", Map.of("t1", 9, "t2", 1, "t39", 4)),
                paper("b", Map.of("t1", 3, "t3", 1)), paper("a2", Map.of("t2", 2)));
        List<PaperFeatures> second = List.of(paper("c", Map.of("t9", 1, "t30", 12)));
        for (List<PaperFeatures> library : List.of(first, second, first)) {
            double[] scores = LibraryLanguageModel.scores(library, day, terms);
            for (int k = 0; k < day.size(); k++) {
                assertThat(scores[k]).as(library + " " + k).isCloseTo(direct(library, day.get(k), month), within(1e-9));
            }
        }
    }

    /** The Javadoc's formula, term by term over the papers' own counts. */
    private static double direct(List<PaperFeatures> library, PaperFeatures paper, CollectionCounts month) {
        Map<Long, Integer> held = new HashMap<>();
        long length = 0;
        for (PaperFeatures p : library) {
            length += p.counts().length();
            for (int i = 0; i < p.counts().terms().length; i++) {
                held.merge(p.counts().terms()[i], p.counts().counts()[i], Integer::sum);
            }
        }
        double mu = LibraryLanguageModel.MU;
        double score = paper.counts().length() * Math.log(mu / (length + mu));
        for (int i = 0; i < paper.counts().terms().length; i++) {
            Integer c = held.get(paper.counts().terms()[i]);
            if (c != null) {
                score += paper.counts().counts()[i] * Math.log(1 + c / (mu * month.probability(paper.counts().terms()[i])));
            }
        }
        return score;
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
