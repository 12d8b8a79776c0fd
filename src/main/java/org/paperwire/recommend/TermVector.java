package org.paperwire.recommend;

import java.util.List;

/**
 * A sparse, unit-length tf-idf vector: {@code index[i]} (ascending, into a {@link TermSpace}'s vocabulary) carries
 * {@code value[i]}.
 */
public record TermVector(int[] index, float[] value) {
    public static final TermVector EMPTY = new TermVector(new int[0], new float[0]);

    /** The dot product with a dense weight vector over the vocabulary. */
    public double dot(float[] weights, int offset) {
        double sum = 0;
        for (int i = 0; i < index.length; i++) {
            sum += value[i] * weights[offset + index[i]];
        }
        return sum;
    }

    /**
     * {@code papers.get(from + k).terms().dot(weights, 0)} into {@code out[from + k]} for k from 0 to 3: the same sums,
     * added in the same order, side by side. Each sum is a chain of dependent additions; four at once keep the CPU
     * busy while each waits for its last.
     */
    static void dots(List<PaperFeatures> papers, int from, float[] weights, double[] out) {
        TermVector a = papers.get(from).terms();
        TermVector b = papers.get(from + 1).terms();
        TermVector c = papers.get(from + 2).terms();
        TermVector d = papers.get(from + 3).terms();
        int all = Math.min(Math.min(a.index.length, b.index.length), Math.min(c.index.length, d.index.length));
        double sa = 0;
        double sb = 0;
        double sc = 0;
        double sd = 0;
        for (int i = 0; i < all; i++) {
            sa += a.value[i] * weights[a.index[i]];
            sb += b.value[i] * weights[b.index[i]];
            sc += c.value[i] * weights[c.index[i]];
            sd += d.value[i] * weights[d.index[i]];
        }
        out[from] = a.rest(all, weights, sa);
        out[from + 1] = b.rest(all, weights, sb);
        out[from + 2] = c.rest(all, weights, sc);
        out[from + 3] = d.rest(all, weights, sd);
    }

    /** {@code sum} plus the terms from position {@code from} on, in order. */
    private double rest(int from, float[] weights, double sum) {
        for (int i = from; i < index.length; i++) {
            sum += value[i] * weights[index[i]];
        }
        return sum;
    }

    /** The dot product with another sparse vector of the same space (the cosine: both are unit length). */
    public double dot(TermVector other) {
        double sum = 0;
        int i = 0;
        int j = 0;
        while (i < index.length && j < other.index.length) {
            if (index[i] == other.index[j]) {
                sum += value[i++] * other.value[j++];
            } else if (index[i] < other.index[j]) {
                i++;
            } else {
                j++;
            }
        }
        return sum;
    }
}
