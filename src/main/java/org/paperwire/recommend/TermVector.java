package org.paperwire.recommend;

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
     * {@code a.dot(weights, 0)} and {@code b.dot(weights, 0)} into {@code out[at]} and {@code out[at + 1]}: the same
     * sums, added in the same order, side by side. Each sum is a chain of dependent additions; two at once keep the
     * CPU busy while each waits for its last.
     */
    static void dots(TermVector a, TermVector b, float[] weights, double[] out, int at) {
        int[] ai = a.index;
        int[] bi = b.index;
        float[] av = a.value;
        float[] bv = b.value;
        int both = Math.min(ai.length, bi.length);
        double sa = 0;
        double sb = 0;
        int i = 0;
        for (; i < both; i++) {
            sa += av[i] * weights[ai[i]];
            sb += bv[i] * weights[bi[i]];
        }
        for (int j = i; j < ai.length; j++) {
            sa += av[j] * weights[ai[j]];
        }
        for (int j = i; j < bi.length; j++) {
            sb += bv[j] * weights[bi[j]];
        }
        out[at] = sa;
        out[at + 1] = sb;
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
