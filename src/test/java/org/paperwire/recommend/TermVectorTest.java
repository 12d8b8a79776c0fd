package org.paperwire.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TermVectorTest {
    @Test
    void twoDotProductsSideBySideAreBitForBitTheOnesTakenAlone() {
        SplittableRandom random = new SplittableRandom(11);
        float[] weights = new float[500];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) random.nextGaussian();
        }
        for (int round = 0; round < 500; round++) {
            TermVector a = vector(random, random.nextInt(60), weights.length);
            TermVector b = vector(random, random.nextInt(60), weights.length);
            double[] out = new double[4];

            TermVector.dots(a, b, weights, out, 1);

            assertThat(Double.doubleToRawLongBits(out[1])).isEqualTo(Double.doubleToRawLongBits(a.dot(weights, 0)));
            assertThat(Double.doubleToRawLongBits(out[2])).isEqualTo(Double.doubleToRawLongBits(b.dot(weights, 0)));
            assertThat(out[0]).isZero();
            assertThat(out[3]).isZero();
        }
    }

    /** {@code n} distinct ascending terms with random values (not unit length: the sums only need to be long). */
    private static TermVector vector(SplittableRandom random, int n, int space) {
        int[] index = random.ints(0, space).distinct().limit(n).sorted().toArray();
        float[] value = new float[index.length];
        for (int i = 0; i < value.length; i++) {
            value[i] = (float) random.nextDouble(-1, 1);
        }
        return new TermVector(index, value);
    }
}
