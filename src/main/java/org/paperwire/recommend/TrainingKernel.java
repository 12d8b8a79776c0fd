package org.paperwire.recommend;

import java.util.List;

/**
 * The kernel of one collection's training problem (its rows' dot products, {@link Kernel}), read by
 * {@link SquaredHingeSvm} one row at a time, without copying what every reader shares. The rows are the collection's
 * papers, then the unlabelled background papers, then the reader's explicit negatives; the papers that are not
 * background are the <em>labelled</em> ones. Of the kernel, only the labelled papers' block among themselves and the
 * transpose of their block against the background are made here (a 50-paper collection: about 70 KB); the
 * background's block among itself is the one its {@link ReaderModels.Bag} computed once for every reader, and
 * each labelled paper's row against the background is the one it keeps. A row's entries, and so the solution, are
 * the same as with the whole kernel written out. One per training (it keeps the rows' decision values).
 */
final class TrainingKernel implements SquaredHingeSvm.RowKernel {
    private final int positives;
    private final int unlabelled;
    /** The labelled papers' kernel among themselves, a row per labelled paper. */
    private final float[][] among;
    /** Each labelled paper's kernel with the unlabelled background papers, in their order. */
    private final float[][] against;
    /** {@code against} transposed: each unlabelled background paper's kernel with the labelled ones. */
    private final float[][] transposed;
    /** The unlabelled background papers' kernel among themselves, a row each. */
    private final float[][] background;
    /** The decision values of the labelled rows and of the background's, kept apart so that steps read from 0. */
    private final float[] labelledDecisions;
    private final float[] backgroundDecisions;

    /**
     * @param rows the labelled papers: the collection's papers, then the explicit negatives
     * @param among the labelled papers' kernel among themselves ({@link Kernel#among(List)}), a row each
     * @param positives how many of {@code rows} are the collection's
     * @param unlabelled the positions of the bag's papers that are not in {@code rows}, ascending
     */
    TrainingKernel(List<PaperFeatures> rows, float[][] among, int positives, int[] unlabelled, ReaderModels.Bag bg) {
        this.positives = positives;
        this.unlabelled = unlabelled.length;
        int m = bg.size();
        int u = unlabelled.length;
        int l = rows.size();
        boolean whole = u == m; // no background paper is labelled (the usual case): its rows are used as they are
        this.among = among;
        against = new float[l][];
        transposed = new float[u][l];
        labelledDecisions = new float[l];
        backgroundDecisions = new float[u];
        for (int k = 0; k < l; k++) {
            float[] all = bg.against(rows.get(k));
            float[] a = whole ? all : new float[u];
            for (int b = 0; b < u && !whole; b++) {
                a[b] = all[unlabelled[b]];
            }
            against[k] = a;
        }
        for (int b = 0; b < u; b++) { // row by row: each written once, in order
            float[] t = transposed[b];
            for (int k = 0; k < l; k++) {
                t[k] = against[k][b];
            }
        }
        if (whole) {
            background = bg.gram();
        } else {
            background = new float[u][u];
            for (int a = 0; a < u; a++) {
                for (int b = 0; b < u; b++) {
                    background[a][b] = bg.gram()[unlabelled[a]][unlabelled[b]];
                }
            }
        }
    }

    @Override
    public double self(int i) {
        if (isBackground(i)) {
            int b = i - positives;
            return background[b][b];
        }
        int k = labelledIndex(i);
        return among[k][k];
    }

    @Override
    public double decision(int i) {
        return isBackground(i) ? backgroundDecisions[i - positives] : labelledDecisions[labelledIndex(i)];
    }

    /**
     * Each part of the row, and of the decision values, is a whole array of its own read from its start: the JIT
     * turns such loops into vector instructions, and does not when either starts at an offset (several times slower).
     */
    @Override
    public void step(int i, double d) {
        float s = (float) d;
        float[] toLabelled;
        float[] toBackground;
        if (isBackground(i)) {
            int b = i - positives;
            toLabelled = transposed[b];
            toBackground = background[b];
        } else {
            int k = labelledIndex(i);
            toLabelled = among[k];
            toBackground = against[k];
        }
        float[] l = labelledDecisions;
        for (int j = 0; j < l.length; j++) {
            l[j] += s * toLabelled[j];
        }
        float[] u = backgroundDecisions;
        for (int b = 0; b < u.length; b++) {
            u[b] += s * toBackground[b];
        }
    }

    private boolean isBackground(int i) {
        return i >= positives && i < positives + unlabelled;
    }

    private int labelledIndex(int i) {
        return i < positives ? i : i - unlabelled;
    }
}
