package org.paperwire.recommend;

import java.util.List;
import java.util.Random;

/**
 * A linear SVM with the squared hinge loss (LIBLINEAR's {@code L2R_L2LOSS_SVC_DUAL}, scikit-learn's LinearSVC),
 * trained by dual coordinate descent with shrinking (Hsieh et al., ICML 2008, the algorithm LIBLINEAR runs), over
 * rows made of a dense embedding, sparse tf-idf terms and a bias feature of 1. It solves
 * {@code min ½‖w‖² + Σ C_i · max(0, 1 − y_i w·x_i)²}, each row with its own cost {@code C_i}.
 *
 * <p>Why not LIBLINEAR's Java port, which it replaces: that port keeps every feature of every row as an object and
 * works in doubles, so a 50-paper collection against 300 background papers took about 8 ms; here the embedding
 * stays a float array (SIMD dot products) and the terms index a dense weight array, which is several times faster
 * on the same problem. It solves either on the rows' features, as LIBLINEAR does, or, given the rows' kernel (their
 * dot products, most of which {@link ReaderModels} computes once for every reader), on the kernel: the same steps
 * in the same order, each one a pass over a row of floats instead of two over a row's features.
 * {@code SquaredHingeSvmTest} checks both against LIBLINEAR (kept as a test dependency): the same objective value
 * and the same ranking.
 */
final class SquaredHingeSvm {
    /** A training row: its features, label (+1 or −1) and cost. */
    record Row(PaperFeatures paper, double label, double cost) {}

    /** The solution: weights of the embedding, of the terms (dense over the term space) and the bias. */
    record Weights(float[] embedding, double[] terms, double bias) {}

    private static final int MAX_PASSES = 1_000;

    private final double embeddingScale;
    private final double termScale;
    private final int termDimension;
    private final double eps;
    private final Kernel kernel;

    /**
     * @param termDimension size of the term space (0: terms unused)
     * @param eps stopping tolerance on the projected gradient's spread (LIBLINEAR's {@code eps}; 0.1 by default)
     */
    SquaredHingeSvm(double embeddingScale, double termScale, int termDimension, double eps) {
        this.embeddingScale = embeddingScale;
        this.termScale = termScale;
        this.termDimension = termDimension;
        this.eps = eps;
        this.kernel = new Kernel(embeddingScale, termScale, termDimension);
    }

    /**
     * Solves on the rows themselves (LIBLINEAR's way: the weights are kept and each step reads one row's features):
     * memory grows with the rows, not with their square. See {@link #train(List, RowKernel, int, Random)}.
     */
    Weights train(List<Row> rows, int embeddingDimension, Random random) {
        Primal primal = new Primal(rows, embeddingDimension);
        double[] qd = new double[rows.size()];
        for (int i = 0; i < qd.length; i++) {
            qd[i] = kernel.self(rows.get(i).paper());
        }
        solve(rows, qd, primal, random); // the steps kept the weights up to date
        return new Weights(primal.we, primal.wt, primal.wb);
    }

    /**
     * Solves with the rows' kernel given ({@link RowKernel}: row i's features times row j's, bias feature included;
     * see {@link Kernel}): each step adds one kernel row to every row's decision value instead of reading a row's
     * features, and a row that stays at its bound costs nothing. The same coordinate steps, in the same order, as
     * {@link #train(List, int, Random)}; the weights are made from the solution once at the end.
     */
    Weights train(List<Row> rows, RowKernel kernel, int embeddingDimension, Random random) {
        int n = rows.size();
        double[] qd = new double[n];
        for (int i = 0; i < n; i++) {
            qd[i] = kernel.self(i);
        }
        double[] alpha = solve(rows, qd, kernel, random);
        float[] we = new float[embeddingDimension];
        double[] wt = new double[termDimension];
        double wb = 0;
        float[] steps = new float[n];
        float[][] embeddings = new float[n][];
        int support = 0;
        for (int i = 0; i < n; i++) {
            if (alpha[i] != 0) {
                double d = alpha[i] * rows.get(i).label();
                steps[support] = (float) (d * embeddingScale);
                embeddings[support++] = rows.get(i).paper().embedding();
                addTerms(wt, rows.get(i).paper(), d);
                wb += d;
            }
        }
        addEmbeddings(we, steps, embeddings, support);
        return new Weights(we, wt, wb);
    }

    /** How a solver reads a row's decision value and applies a step to it. */
    interface Steps {
        /** {@code w · x_i}, the bias included. */
        double decision(int i);

        /** {@code w += d · x_i}. */
        void step(int i, double d);
    }

    /**
     * A training problem's kernel, row by row, with every row's decision value kept up to date through it: a step on
     * row i moves row j's by {@code d · K(i, j)}. One per training: it starts with every decision value at 0.
     */
    interface RowKernel extends Steps {
        /** The kernel of row {@code i} with itself. */
        double self(int i);
    }

    /** Steps on the weights themselves. */
    private final class Primal implements Steps {
        private final List<Row> rows;
        final float[] we;
        final double[] wt = new double[termDimension];
        double wb;

        Primal(List<Row> rows, int embeddingDimension) {
            this.rows = rows;
            this.we = new float[embeddingDimension];
        }

        @Override
        public double decision(int i) {
            return dot(we, wt, rows.get(i).paper()) + wb;
        }

        @Override
        public void step(int i, double d) {
            add(we, wt, rows.get(i).paper(), d);
            wb += d;
        }
    }

    /**
     * Dual coordinate descent with shrinking: the rows' dual variables.
     *
     * @param qd each row's squared length, bias feature included
     */
    private double[] solve(List<Row> rows, double[] qd, Steps steps, Random random) {
        int l = rows.size();
        double[] alpha = new double[l];
        double[] diag = new double[l]; // 1 / (2 C_i): the squared hinge's dual diagonal
        int[] index = new int[l];
        double[] label = new double[l];
        for (int i = 0; i < l; i++) {
            label[i] = rows.get(i).label();
            diag[i] = 0.5 / rows.get(i).cost();
            qd[i] += diag[i];
            index[i] = i;
        }
        double maxOld = Double.POSITIVE_INFINITY;
        double minOld = Double.NEGATIVE_INFINITY;
        int active = l;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            for (int i = 0; i < active; i++) { // a random order of the active rows
                int j = i + random.nextInt(active - i);
                int t = index[i];
                index[i] = index[j];
                index[j] = t;
            }
            double maxNew = Double.NEGATIVE_INFINITY;
            double minNew = Double.POSITIVE_INFINITY;
            for (int s = 0; s < active; s++) {
                int i = index[s];
                double y = label[i];
                double g = y * steps.decision(i) - 1 + diag[i] * alpha[i];
                double pg = 0;
                if (alpha[i] == 0) {
                    if (g > maxOld) { // at the bound and likely to stay there: shrunk away for now
                        active--;
                        index[s] = index[active];
                        index[active] = i;
                        s--;
                        continue;
                    }
                    if (g < 0) {
                        pg = g;
                    }
                } else {
                    pg = g;
                }
                maxNew = Math.max(maxNew, pg);
                minNew = Math.min(minNew, pg);
                if (Math.abs(pg) > 1e-12) {
                    double old = alpha[i];
                    alpha[i] = Math.max(old - g / qd[i], 0);
                    steps.step(i, (alpha[i] - old) * y);
                }
            }
            if (maxNew - minNew <= eps) {
                if (active == l) {
                    break;
                }
                active = l; // converged on the active rows: check every row once more
                maxOld = Double.POSITIVE_INFINITY;
                minOld = Double.NEGATIVE_INFINITY;
                continue;
            }
            maxOld = maxNew <= 0 ? Double.POSITIVE_INFINITY : maxNew;
            minOld = minNew >= 0 ? Double.NEGATIVE_INFINITY : minNew;
        }
        return alpha;
    }

    Kernel kernel() {
        return kernel;
    }

    /** The rows' kernel written out whole ({@code n × n} floats), for {@link #train(List, RowKernel, int, Random)}. */
    RowKernel gram(List<Row> rows) {
        int n = rows.size();
        List<PaperFeatures> papers = rows.stream().map(Row::paper).toList();
        float[][] gram = new float[n][n];
        for (int i = 0; i < n; i++) {
            kernel.row(papers.get(i), papers, 0, gram[i], 0);
        }
        return new RowKernel() {
            private final float[] f = new float[n];

            @Override
            public double self(int i) {
                return gram[i][i];
            }

            @Override
            public double decision(int i) {
                return f[i];
            }

            @Override
            public void step(int i, double d) {
                float s = (float) d;
                float[] row = gram[i];
                for (int j = 0; j < n; j++) {
                    f[j] += s * row[j];
                }
            }
        };
    }

    private double dot(float[] we, double[] wt, PaperFeatures p) {
        double s = embeddingScale * Vectors.dot(we, p.embedding());
        if (termDimension > 0) {
            int[] index = p.terms().index();
            float[] value = p.terms().value();
            double t = 0;
            for (int k = 0; k < index.length; k++) {
                t += wt[index[k]] * value[k];
            }
            s += termScale * t;
        }
        return s;
    }

    /**
     * {@code we += steps[r] · embeddings[r]} for the first {@code n} rows, in their order: four rows per pass over
     * {@code we}, each element taking the same additions in the same order as one row at a time.
     */
    static void addEmbeddings(float[] we, float[] steps, float[][] embeddings, int n) {
        int r = 0;
        for (; r + 4 <= n; r += 4) {
            float s0 = steps[r];
            float s1 = steps[r + 1];
            float s2 = steps[r + 2];
            float s3 = steps[r + 3];
            float[] e0 = embeddings[r];
            float[] e1 = embeddings[r + 1];
            float[] e2 = embeddings[r + 2];
            float[] e3 = embeddings[r + 3];
            for (int k = 0; k < we.length; k++) {
                float v = we[k];
                v += s0 * e0[k];
                v += s1 * e1[k];
                v += s2 * e2[k];
                v += s3 * e3[k];
                we[k] = v;
            }
        }
        for (; r < n; r++) {
            float s = steps[r];
            float[] e = embeddings[r];
            for (int k = 0; k < we.length; k++) {
                we[k] += s * e[k];
            }
        }
    }

    private void add(float[] we, double[] wt, PaperFeatures p, double d) {
        float[] e = p.embedding();
        float step = (float) (d * embeddingScale);
        for (int k = 0; k < e.length; k++) {
            we[k] += step * e[k];
        }
        addTerms(wt, p, d);
    }

    private void addTerms(double[] wt, PaperFeatures p, double d) {
        if (termDimension > 0) {
            int[] index = p.terms().index();
            float[] value = p.terms().value();
            double ts = d * termScale;
            for (int k = 0; k < index.length; k++) {
                wt[index[k]] += ts * value[k];
            }
        }
    }
}
