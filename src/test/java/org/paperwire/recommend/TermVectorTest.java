package org.paperwire.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TermVectorTest {
    @Test
    void fourDotProductsSideBySideAreBitForBitTheOnesTakenAlone() {
        SplittableRandom random = new SplittableRandom(11);
        float[] weights = new float[500];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) random.nextGaussian();
        }
        for (int round = 0; round < 500; round++) {
            List<PaperFeatures> papers = new ArrayList<>();
            for (int p = 0; p < 6; p++) {
                papers.add(new PaperFeatures("p" + p, new float[0], vector(random, random.nextInt(60), weights.length)));
            }
            double[] out = new double[6];

            TermVector.dots(papers, 1, weights, out);

            for (int p = 1; p <= 4; p++) {
                assertThat(Double.doubleToRawLongBits(out[p])).as("paper " + p)
                        .isEqualTo(Double.doubleToRawLongBits(papers.get(p).terms().dot(weights, 0)));
            }
            assertThat(out[0]).isZero();
            assertThat(out[5]).isZero();
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
