package org.paperwire.recommend;

/** Dense float arithmetic of the model's hot loops. */
final class Vectors {
    private Vectors() {}

    /** The dot product, with four partial sums so that the JIT can pipeline the multiplications. */
    static double dot(float[] a, float[] b) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int n = a.length;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < n; i++) {
            s0 += a[i] * b[i];
        }
        return (double) s0 + s1 + s2 + s3;
    }
}
