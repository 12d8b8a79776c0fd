package org.paperwire.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The training kernel made of the shared background's blocks has the very entries of the whole kernel written out,
 * whether or not some background papers are also labelled, so the solver takes the same steps to the same weights.
 */
class TrainingKernelTest {
    private static final int D = SquaredHingeSvmTest.D;

    @Test
    void itsRowsAreTheWholeKernelsAndTheSolutionIsTheSame() {
        check(false);
    }

    @Test
    void backgroundPapersThatAreAlsoLabelledAreLeftOutOfItsBackgroundBlock() {
        check(true);
    }

    private static void check(boolean overlap) {
        TermSpace space = SquaredHingeSvmTest.space();
        SplittableRandom random = new SplittableRandom(overlap ? 17 : 4);
        List<PaperFeatures> backgroundPapers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            backgroundPapers.add(SquaredHingeSvmTest.paper("b" + i, i % 4, space, random));
        }
        List<PaperFeatures> positives = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            positives.add(SquaredHingeSvmTest.paper("p" + i, 0, space, random));
        }
        List<PaperFeatures> negatives = new ArrayList<>(List.of(SquaredHingeSvmTest.paper("n0", 1, space, random),
                SquaredHingeSvmTest.paper("n1", 2, space, random)));
        if (overlap) { // a saved paper and a "not for me" one that the background sample also drew
            positives.add(backgroundPapers.get(3));
            negatives.add(backgroundPapers.get(30));
        }
        ReaderModels models = new ReaderModels(new ReaderModels.Settings(1, 1, 1, 5), D, space);
        ReaderModels.Background background = models.background(backgroundPapers);
        int[] unlabelled = IntStream.range(0, backgroundPapers.size())
                .filter(i -> !positives.contains(backgroundPapers.get(i)) && !negatives.contains(backgroundPapers.get(i)))
                .toArray();
        List<SquaredHingeSvm.Row> rows = new ArrayList<>();
        positives.forEach(p -> rows.add(new SquaredHingeSvm.Row(p, 1, 2.0)));
        for (int b : unlabelled) {
            rows.add(new SquaredHingeSvm.Row(backgroundPapers.get(b), -1, 0.5));
        }
        negatives.forEach(p -> rows.add(new SquaredHingeSvm.Row(p, -1, 1.0)));
        assertThat(unlabelled.length).isEqualTo(overlap ? 38 : 40);

        SquaredHingeSvm svm = new SquaredHingeSvm(1, 1, space.size(), 0.1);
        int n = rows.size();
        for (int i = 0; i < n; i++) { // one step of 1 on row i from all 0: the decision values are row i
            SquaredHingeSvm.RowKernel blocks = blocks(positives, negatives, unlabelled, background, svm);
            SquaredHingeSvm.RowKernel whole = svm.gram(rows);
            blocks.step(i, 1);
            whole.step(i, 1);
            for (int j = 0; j < n; j++) {
                assertThat(blocks.decision(j)).as("K(%d, %d)", i, j).isEqualTo(whole.decision(j));
            }
            assertThat(blocks.self(i)).isEqualTo(whole.self(i));
        }

        SquaredHingeSvm.Weights fromBlocks = svm.train(rows, blocks(positives, negatives, unlabelled, background, svm),
                D, new Random(7));
        SquaredHingeSvm.Weights fromWhole = svm.train(rows, svm.gram(rows), D, new Random(7));
        assertThat(fromBlocks.embedding()).containsExactly(fromWhole.embedding());
        assertThat(fromBlocks.terms()).containsExactly(fromWhole.terms());
        assertThat(fromBlocks.bias()).isEqualTo(fromWhole.bias());
        assertThat(fromBlocks.bias()).as("a model was learnt").isNotZero();
    }

    /** The kernel of the rows made of these, as {@link ReaderModels} makes it: from the labelled papers. */
    private static TrainingKernel blocks(List<PaperFeatures> positives, List<PaperFeatures> negatives, int[] unlabelled,
            ReaderModels.Background background, SquaredHingeSvm svm) {
        List<PaperFeatures> labelled = new ArrayList<>(positives);
        labelled.addAll(negatives);
        return new TrainingKernel(labelled, svm.kernel().among(labelled), positives.size(), unlabelled,
                background.bags().get(0));
    }
}
