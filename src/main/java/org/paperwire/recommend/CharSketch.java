package org.paperwire.recommend;

import java.util.Objects;
import org.apache.lucene.util.VectorUtil;

/**
 * A paper's {@link CharGrams} sketch in bytes: {@code values[k] * scale} is the sketch's k-th float, the largest in
 * magnitude stored as ±127. A quarter of the floats' memory and of their dot product's reads; the rounding moves a
 * cosine by far less than the sketch's own error.
 */
public record CharSketch(byte[] values, float scale) {
    /** No sketch (character n-grams unused): its dot product with anything is 0. */
    public static final CharSketch NONE = new CharSketch(new byte[0], 0);

    public CharSketch {
        Objects.requireNonNull(values, "values");
    }

    /** {@code sketch} rounded to bytes. */
    public static CharSketch of(float[] sketch) {
        float max = 0;
        for (float x : sketch) {
            max = Math.max(max, Math.abs(x));
        }
        byte[] values = new byte[sketch.length];
        for (int k = 0; k < sketch.length && max > 0; k++) {
            values[k] = (byte) Math.round(sketch[k] * 127 / max);
        }
        return new CharSketch(values, max / 127);
    }

    /** Whether this is a sketch (not {@link #NONE}). */
    public boolean present() {
        return values.length > 0;
    }

    /** The dot product of the two sketches (an estimate of their papers' cosine); 0 when either is {@link #NONE}. */
    public double dot(CharSketch other) {
        if (values.length == 0 || values.length != other.values.length) {
            return 0;
        }
        return (double) VectorUtil.dotProduct(values, other.values) * scale * other.scale;
    }
}
