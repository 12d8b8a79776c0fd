package org.paperwire.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A list's terms numbered once: every term of its papers, any library paper's terms that the list holds. */
class DayTermsTest {
    private static PaperFeatures paper(String id, int from, int to) {
        Map<String, Integer> counts = new HashMap<>();
        for (int t = from; t < to; t++) {
            counts.put("term" + t, 1 + t % 3);
        }
        return new PaperFeatures(id, new float[0], TermVector.EMPTY, TermCounts.of(counts));
    }

    @Test
    void numbersEveryTermOnceWhileItsTableGrows() {
        // 3 papers of 1,000 terms, overlapping: far more distinct terms than the table is first sized for
        List<PaperFeatures> papers = List.of(paper("a", 0, 1_000), paper("b", 500, 1_500), paper("c", 1_400, 2_400));
        CollectionCounts month = new CollectionCounts(Map.of("term7", 40));
        DayTerms day = DayTerms.of(papers, month);

        assertThat(day.size()).isEqualTo(2_400);
        Set<Integer> slots = new HashSet<>();
        for (PaperFeatures p : papers) {
            DayTerms.Mapped m = day.map(p);
            assertThat(m.slot()).hasSize(1_000);
            assertThat(m.length()).isEqualTo(p.counts().length());
            for (int s : m.slot()) {
                slots.add(s);
            }
        }
        assertThat(slots).hasSize(2_400).allMatch(s -> s >= 0 && s < 2_400);
        // the same term has one number in every paper
        assertThat(day.map(papers.get(0)).slot()).containsAnyOf(day.map(papers.get(1)).slot());

        DayTerms.Mapped library = day.map(paper("lib", 2_300, 2_600)); // 100 held, 200 not
        assertThat(library.slot()).hasSize(100);
        assertThat(library.length()).isEqualTo(paper("lib", 2_300, 2_600).counts().length());
    }

    @Test
    void aWeightIsTheSmoothedLogRatioForSmallAndLargeCounts() {
        CollectionCounts month = new CollectionCounts(Map.of("term0", 10, "other", 90));
        DayTerms day = DayTerms.of(List.of(paper("a", 0, 1)), month);
        int slot = day.map(paper("a", 0, 1)).slot()[0];
        double prior = LibraryLanguageModel.MU * 10 / 100.0;
        for (int count : new int[] {1, 4, 5, 30}) {
            assertThat(day.weight(slot, count)).as("count " + count).isCloseTo(Math.log(1 + count / prior), within(1e-12));
        }
    }

    @Test
    void pastItsBoundAPapersTermsAreLookedUpEachTimeAlike() {
        List<PaperFeatures> papers = List.of(paper("a", 0, 10), paper("b", 5, 15));
        CollectionCounts month = new CollectionCounts(Map.of("term7", 40));
        DayTerms day = DayTerms.of(papers, month, 2);
        DayTerms.Mapped a = day.map(papers.get(0));
        day.map(paper("lib1", 3, 8));
        DayTerms.Mapped third = day.map(paper("lib2", 8, 20));
        DayTerms.Mapped again = day.map(paper("lib2", 8, 20));

        assertThat(day.kept()).isEqualTo(2);
        assertThat(day.map(papers.get(0))).isSameAs(a);
        assertThat(again).isNotSameAs(third);
        assertThat(again.slot()).containsExactly(third.slot());
        assertThat(again.count()).containsExactly(third.count());
        assertThat(third.slot()).hasSize(7); // term8 to term14 of the list's 15
        assertThat(third.length()).isEqualTo(paper("lib2", 8, 20).counts().length());
    }
}
