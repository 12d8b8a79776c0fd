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
 * on the same problem. {@code SquaredHingeSvmTest} checks it against LIBLINEAR (kept as a test dependency): the same
 * objective value and the same ranking.
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

    /**
     * @param termDimension size of the term space (0: terms unused)
     * @param eps stopping tolerance on the projected gradient's spread (LIBLINEAR's {@code eps}; 0.1 by default)
     */
    SquaredHingeSvm(double embeddingScale, double termScale, int termDimension, double eps) {
        this.embeddingScale = embeddingScale;
        this.termScale = termScale;
        this.termDimension = termDimension;
        this.eps = eps;
    }

    Weights train(List<Row> rows, int embeddingDimension, Random random) {
        int l = rows.size();
        float[] we = new float[embeddingDimension];
        double[] wt = new double[termDimension];
        double wb = 0;
        double[] alpha = new double[l];
        double[] diag = new double[l]; // 1 / (2 C_i): the squared hinge's dual diagonal
        double[] qd = new double[l];
        int[] index = new int[l];
        for (int i = 0; i < l; i++) {
            Row r = rows.get(i);
            diag[i] = 0.5 / r.cost();
            qd[i] = diag[i] + squaredNorm(r.paper()) + 1; // + 1: the bias feature
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
                Row r = rows.get(i);
                double y = r.label();
                double g = y * (dot(we, wt, r.paper()) + wb) - 1 + diag[i] * alpha[i];
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
                    double d = (alpha[i] - old) * y;
                    add(we, wt, r.paper(), d);
                    wb += d;
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
        return new Weights(we, wt, wb);
    }

    private double squaredNorm(PaperFeatures p) {
        double e = Vectors.dot(p.embedding(), p.embedding()) * embeddingScale * embeddingScale;
        if (termDimension == 0) {
            return e;
        }
        double t = 0;
        for (float v : p.terms().value()) {
            t += (double) v * v;
        }
        return e + t * termScale * termScale;
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

    private void add(float[] we, double[] wt, PaperFeatures p, double d) {
        float[] e = p.embedding();
        float step = (float) (d * embeddingScale);
        for (int k = 0; k < e.length; k++) {
            we[k] += step * e[k];
        }
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
