package org.paperwire.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class HttpLoadTest {
    @Test
    void percentilesAreNearestRankOverSortedLatencies() {
        long[] hundred = LongStream.rangeClosed(1, 100).toArray();
        assertThat(HttpLoad.percentile(hundred, 0.50)).isEqualTo(50);
        assertThat(HttpLoad.percentile(hundred, 0.99)).isEqualTo(99);
        assertThat(HttpLoad.percentile(new long[] {7}, 0.99)).isEqualTo(7);
        assertThat(HttpLoad.percentile(new long[0], 0.99)).isZero();
    }
}
