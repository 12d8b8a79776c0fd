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
