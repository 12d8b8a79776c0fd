package org.paperwire.recommend;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A day's seeded random sample of papers (the service's month sample, the evaluation's backgrounds): the same pool,
 * day and seed always draw the same sample.
 */
public final class DaySample {
    private DaySample() {}

    /**
     * {@code n} of {@code pool} (all of them when it holds fewer), drawn without repeats by a partial Fisher-Yates
     * shuffle seeded by {@code seed ^ day}, in the order drawn.
     */
    public static <T> List<T> draw(List<T> pool, LocalDate day, int n, long seed) {
        List<T> shuffled = new ArrayList<>(pool);
        SplittableRandom random = new SplittableRandom(seed ^ day.toEpochDay());
        int size = Math.min(n, shuffled.size());
        for (int i = 0; i < size; i++) { // the first i are the sample so far
            int j = i + random.nextInt(shuffled.size() - i);
            shuffled.set(j, shuffled.set(i, shuffled.get(j)));
        }
        return List.copyOf(shuffled.subList(0, size));
    }
}
