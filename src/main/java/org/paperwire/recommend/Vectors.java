package org.paperwire.recommend;

import org.apache.lucene.util.VectorUtil;

/** Dense float arithmetic of the model's hot loops. */
final class Vectors {
    private Vectors() {}

    /**
     * The dot product: Lucene's, which uses the CPU's vector instructions when the JVM runs with
     * {@code --add-modules jdk.incubator.vector} (the launcher adds it), else a plain loop.
     */
    static double dot(float[] a, float[] b) {
        return VectorUtil.dotProduct(a, b);
    }
}
