package org.paperwire.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The squared-hinge SVM solves the problem LIBLINEAR's {@code L2R_L2LOSS_SVC_DUAL} solves, on rows of a dense
 * embedding and sparse terms with class-balanced costs: both reach the same objective (each stops at the same
 * tolerance, so within a few per cent) and rank unseen papers alike.
 */
class SquaredHingeSvmTest {
    static final int D = 12;
    private static final String[] WORDS = {"graph", "neural", "protein", "folding", "language", "model", "vision",
        "robot", "policy", "diffusion", "sparse", "attention", "kernel", "survey", "benchmark", "quantum"};

    static PaperFeatures paper(String id, int topic, TermSpace space, SplittableRandom random) {
        float[] e = new float[D];
        double norm = 0;
        for (int k = 0; k < D; k++) {
            e[k] = (float) (random.nextGaussian() * 0.4 + (k % 4 == topic ? 1 : 0));
            norm += e[k] * e[k];
        }
        for (int k = 0; k < D; k++) {
            e[k] /= (float) Math.sqrt(norm);
        }
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < 8; w++) {
            int pick = random.nextInt(3) == 0 ? random.nextInt(WORDS.length) : topic * 4 + random.nextInt(4);
            text.append(WORDS[pick]).append(' ');
        }
        return new PaperFeatures(id, e, space.vector(text.toString()));
    }

    static TermSpace space() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < WORDS.length; i++) {
            texts.add(WORDS[i] + " " + WORDS[(i + 1) % WORDS.length]);
        }
        return TermSpace.fit(texts, 1, 1.0, 1_000);
    }

    @Test
    void reachesLiblinearsObjectiveAndRanksAlike() {
        TermSpace space = space();
        SplittableRandom random = new SplittableRandom(5);
        List<PaperFeatures> positives = new ArrayList<>();
        List<PaperFeatures> negatives = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            positives.add(paper("p" + i, i % 3 == 0 ? 1 : 0, space, random)); // mostly topic 0, some topic 1
        }
        for (int i = 0; i < 150; i++) {
            negatives.add(paper("n" + i, i % 4, space, random));
        }
        double c = 1;
        double n = positives.size() + negatives.size();
        double costPositive = c * n / (2.0 * positives.size());
        double costNegative = c * n / (2.0 * negatives.size());
        double termScale = 1;
        List<SquaredHingeSvm.Row> rows = new ArrayList<>();
        positives.forEach(p -> rows.add(new SquaredHingeSvm.Row(p, 1, costPositive)));
        negatives.forEach(p -> rows.add(new SquaredHingeSvm.Row(p, -1, costNegative)));

        SquaredHingeSvm svm = new SquaredHingeSvm(1, termScale, space.size(), 0.01);
        SquaredHingeSvm.Weights ours = svm.train(rows, D, new Random(3));
        SquaredHingeSvm.Weights onKernel = svm.train(rows, svm.gram(rows), D, new Random(3));
        double[] reference = liblinear(rows, space.size(), c, costPositive / c, costNegative / c);

        double ourObjective = objective(rows, flatten(ours, space.size()), space.size());
        double theirObjective = objective(rows, reference, space.size());
        assertThat(ourObjective).isCloseTo(theirObjective, org.assertj.core.data.Percentage.withPercentage(2));
        assertThat(objective(rows, flatten(onKernel, space.size()), space.size()))
                .as("solved on the kernel").isCloseTo(theirObjective, org.assertj.core.data.Percentage.withPercentage(2));
        assertThat(onKernel.bias()).as("the same steps as on the features").isCloseTo(ours.bias(), within(1e-3));
        for (int k = 0; k < D; k++) {
            assertThat((double) onKernel.embedding()[k]).isCloseTo(ours.embedding()[k], within(1e-3));
        }

        List<PaperFeatures> unseen = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            unseen.add(paper("u" + i, i % 4, space, random));
        }
        int[] ourTop = top(unseen, flatten(ours, space.size()), space.size());
        int[] theirTop = top(unseen, reference, space.size());
        long shared = Arrays.stream(ourTop).filter(i -> Arrays.stream(theirTop).anyMatch(j -> j == i)).count();
        assertThat(shared).as("papers both put in the top 15 of 60").isGreaterThanOrEqualTo(13);
        assertThat(top(unseen, flatten(onKernel, space.size()), space.size())).containsExactly(ourTop);
    }

    @Test
    void theSameRowsAndSeedGiveTheSameWeights() {
        TermSpace space = space();
        SplittableRandom random = new SplittableRandom(9);
        List<SquaredHingeSvm.Row> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rows.add(new SquaredHingeSvm.Row(paper("r" + i, i % 4, space, random), i % 4 == 0 ? 1 : -1, 1));
        }
        SquaredHingeSvm svm = new SquaredHingeSvm(1, 1, space.size(), 0.1);

        SquaredHingeSvm.Weights a = svm.train(rows, D, new Random(1));
        SquaredHingeSvm.Weights b = svm.train(rows, D, new Random(1));
        assertThat(a.embedding()).containsExactly(b.embedding());
        assertThat(a.terms()).containsExactly(b.terms());
        assertThat(a.bias()).isEqualTo(b.bias());
    }

    /** LIBLINEAR on the same rows: weights of the embedding, then the terms, then the bias feature. */
    private static double[] liblinear(List<SquaredHingeSvm.Row> rows, int terms, double c, double wPositive,
            double wNegative) {
        Linear.disableDebugOutput();
        Problem problem = new Problem();
        problem.l = rows.size();
        problem.n = D + terms + 1;
        problem.bias = 1;
        problem.x = new Feature[rows.size()][];
        problem.y = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            PaperFeatures p = rows.get(i).paper();
            List<Feature> x = new ArrayList<>();
            for (int k = 0; k < D; k++) {
                x.add(new FeatureNode(k + 1, p.embedding()[k]));
            }
            for (int k = 0; k < p.terms().index().length; k++) {
                x.add(new FeatureNode(D + p.terms().index()[k] + 1, p.terms().value()[k]));
            }
            x.add(new FeatureNode(D + terms + 1, 1));
            problem.x[i] = x.toArray(Feature[]::new);
            problem.y[i] = rows.get(i).label();
        }
        Parameter parameter = new Parameter(SolverType.L2R_L2LOSS_SVC_DUAL, c, 0.01);
        parameter.setWeights(new double[] {wPositive, wNegative}, new int[] {1, -1});
        parameter.setRandom(new Random(3));
        Model model = Linear.train(problem, parameter);
        double sign = model.getLabels()[0] == 1 ? 1 : -1;
        return Arrays.stream(model.getFeatureWeights()).map(w -> sign * w).toArray();
    }

    private static double[] flatten(SquaredHingeSvm.Weights w, int terms) {
        double[] out = new double[D + terms + 1];
        for (int k = 0; k < D; k++) {
            out[k] = w.embedding()[k];
        }
        System.arraycopy(w.terms(), 0, out, D, terms);
        out[D + terms] = w.bias();
        return out;
    }

    private static double score(double[] w, PaperFeatures p, int terms) {
        double s = w[D + terms];
        for (int k = 0; k < D; k++) {
            s += w[k] * p.embedding()[k];
        }
        for (int k = 0; k < p.terms().index().length; k++) {
            s += w[D + p.terms().index()[k]] * p.terms().value()[k];
        }
        return s;
    }

    /** ½‖w‖² + Σ C_i max(0, 1 − y_i w·x_i)², the bias regularised as a feature (as LIBLINEAR does). */
    private static double objective(List<SquaredHingeSvm.Row> rows, double[] w, int terms) {
        double o = 0.5 * Arrays.stream(w).map(x -> x * x).sum();
        for (SquaredHingeSvm.Row r : rows) {
            double margin = Math.max(0, 1 - r.label() * score(w, r.paper(), terms));
            o += r.cost() * margin * margin;
        }
        return o;
    }

    private static int[] top(List<PaperFeatures> papers, double[] w, int terms) {
        return IntStream.range(0, papers.size()).boxed()
                .sorted(Comparator.comparingDouble(i -> -score(w, papers.get(i), terms))).limit(15)
                .mapToInt(Integer::intValue).toArray();
    }

    @Test
    void embeddingWeightsAddedFourRowsAtATimeAreBitForBitTheOnesAddedOneByOne() {
        SplittableRandom random = new SplittableRandom(5);
        for (int n = 0; n < 11; n++) {
            float[] steps = new float[n];
            float[][] embeddings = new float[n][37];
            float[] oneByOne = new float[37];
            for (int r = 0; r < n; r++) {
                steps[r] = (float) random.nextGaussian();
                for (int k = 0; k < 37; k++) {
                    embeddings[r][k] = (float) random.nextGaussian();
                    oneByOne[k] += steps[r] * embeddings[r][k];
                }
            }
            float[] blocked = new float[37];

            SquaredHingeSvm.addEmbeddings(blocked, steps, embeddings, n);

            assertThat(blocked).as("%d rows", n).containsExactly(oneByOne);
        }
    }
}
