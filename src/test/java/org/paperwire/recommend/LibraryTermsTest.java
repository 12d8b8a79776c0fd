package org.paperwire.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The inverted collection terms give the same nearest cosine as comparing with every collection paper. */
class LibraryTermsTest {
    private static final TermSpace SPACE = TermSpace.fit(texts(), 1, 1.0, 1_000);

    private static List<String> texts() {
        String[] words = {"graph", "neural", "protein", "folding", "language", "model", "vision", "robot", "policy",
            "diffusion", "sparse", "attention", "kernel", "survey", "benchmark", "quantum"};
        SplittableRandom random = new SplittableRandom(3);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 4 + random.nextInt(8); w++) {
                text.append(words[random.nextInt(words.length)]).append(' ');
            }
            out.add(text.toString());
        }
        return out;
    }

    @Test
    void nearestIsTheLargestCosineToACollectionPaper() {
        List<String> texts = texts();
        List<PaperFeatures> library = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            library.add(new PaperFeatures("lib" + i, new float[0], SPACE.vector(texts.get(i))));
        }
        for (int round = 0; round < 2; round++) { // the second reuses the thread's arrays, cleared by close
            List<PaperFeatures> saved = round == 0 ? library : library.subList(10, 20);
            try (LibraryTerms inverted = LibraryTerms.of(saved, SPACE.size())) {
                for (int i = 30; i < texts.size(); i++) {
                    TermVector candidate = SPACE.vector(texts.get(i));
                    double expected = 0;
                    for (PaperFeatures p : saved) {
                        expected = Math.max(expected, candidate.dot(p.terms()));
                    }
                    assertThat(inverted.nearest(candidate)).as(texts.get(i)).isCloseTo(expected, within(1e-6));
                }
            }
        }
    }

    @Test
    void aThreadsTermsAreNotFilledAgainWhileInUse() {
        List<PaperFeatures> one = List.of(new PaperFeatures("a", new float[0], SPACE.vector("graph neural")));
        try (LibraryTerms inUse = LibraryTerms.of(one, SPACE.size())) {
            assertThatThrownBy(() -> LibraryTerms.of(one, SPACE.size())).isInstanceOf(IllegalStateException.class);
        }
        try (LibraryTerms again = LibraryTerms.of(one, SPACE.size())) {
            assertThat(again.nearest(SPACE.vector("graph neural"))).isCloseTo(1.0, within(1e-6));
        }
    }

    @Test
    void aPaperSharingNoTermWithTheCollectionIsNearNothing() {
        try (LibraryTerms inverted = LibraryTerms.of(List.of(new PaperFeatures("a", new float[0],
                SPACE.vector("graph neural"))), SPACE.size())) {
            assertThat(inverted.nearest(SPACE.vector("quantum robot"))).isZero();
            assertThat(inverted.nearest(TermVector.EMPTY)).isZero();
        }
    }
}
