package org.paperwire.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** arxiv-sanity-lite's tf-idf space: words and bigrams, stop words, document-frequency cuts, unit length. */
class TermSpaceTest {
    @Test
    void countsWordsAndBigramsWithoutStopWordsAccentsOrCase() {
        assertThat(TermSpace.counts("The Schrödinger bridge of a diffusion model, and the bridge"))
                .containsEntry("schrodinger", 1).containsEntry("bridge", 2).containsEntry("schrodinger bridge", 1)
                .containsEntry("bridge diffusion", 1).containsEntry("diffusion model", 1)
                .doesNotContainKey("the").doesNotContainKey("a");
    }

    @Test
    void keepsTermsBetweenTheDocumentFrequencyCutsAndTheMostFrequentFirst() {
        List<String> texts = List.of("alpha beta", "alpha gamma", "alpha delta", "beta gamma", "omega");
        // alpha is in 3 of 5 (over max_df 0.5), omega in 1 (under min_df 2)
        TermSpace space = TermSpace.fit(texts, 2, 0.5, 10);
        assertThat(space.terms()).containsExactlyInAnyOrder("beta", "gamma");
        assertThat(TermSpace.fit(texts, 2, 0.5, 1).terms()).containsExactly("beta"); // tie on count: by term
    }

    @Test
    void vectorsAreUnitLengthAndEmptyWhenNoTermIsKnown() {
        TermSpace space = TermSpace.fit(List.of("graph network", "graph network", "protein fold", "protein fold"), 1, 1.0, 100);
        TermVector v = space.vector("graph graph network protein");
        double norm = 0;
        for (float x : v.value()) {
            norm += x * x;
        }
        assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(space.vector("galaxy survey")).isEqualTo(TermVector.EMPTY);
        assertThat(v.dot(space.vector("graph network"))).isGreaterThan(v.dot(space.vector("protein fold")));
    }

    @Test
    void theLanguageModelsCountsAreOfStemsAndKeepEveryTerm() {
        TermSpace space = TermSpace.fit(List.of("graph networks", "graph network", "protein folding", "protein folds"),
                5, 1.0, 100); // min df 5: the tf-idf space keeps nothing, the counts keep everything
        TermSpace.Terms t = space.terms("Graph networks and networking of graphs");
        assertThat(t.vector()).isEqualTo(TermVector.EMPTY);
        TermCounts expected = TermCounts.of(java.util.Map.of("graph", 2, "network", 2, "graph network", 1,
                "network network", 1, "network graph", 1));
        assertThat(t.counts().terms()).containsExactly(expected.terms());
        assertThat(t.counts().counts()).containsExactly(expected.counts());
        assertThat(t.counts().length()).isEqualTo(7);
        // the month's counts are of stems too: "folding" and "folds" are one term, seen twice
        assertThat(space.collection().count(TermCounts.hash("fold"))).isEqualTo(2);
        assertThat(space.collection().count(TermCounts.hash("folding"))).isZero();
        assertThat(space.collection().total()).isEqualTo(12);
    }
}
