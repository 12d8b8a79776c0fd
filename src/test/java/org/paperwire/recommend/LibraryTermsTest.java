package org.paperwire.recommend;

import static org.assertj.core.api.Assertions.assertThat;
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
        LibraryTerms inverted = LibraryTerms.of(library);
        double[] scratch = inverted.scratch();
        for (int i = 30; i < texts.size(); i++) {
            TermVector candidate = SPACE.vector(texts.get(i));
            double expected = 0;
            for (PaperFeatures saved : library) {
                expected = Math.max(expected, candidate.dot(saved.terms()));
            }
            assertThat(inverted.nearest(candidate, scratch)).as(texts.get(i)).isCloseTo(expected, within(1e-6));
        }
    }

    @Test
    void aPaperSharingNoTermWithTheCollectionIsNearNothing() {
        LibraryTerms inverted = LibraryTerms.of(List.of(new PaperFeatures("a", new float[0], SPACE.vector("graph neural"))));

        assertThat(inverted.nearest(SPACE.vector("quantum robot"), inverted.scratch())).isZero();
        assertThat(inverted.nearest(TermVector.EMPTY, inverted.scratch())).isZero();
    }
}
