package org.paperwire.schedule;

import java.time.Duration;

/**
 * How long to wait after consecutive failures: {@code first} after the first, multiplied by {@code factor} for
 * each further one, never more than {@code cap}. Any failure count is safe (no overflow): the doubling stops as
 * soon as it reaches the cap. Deterministic, without jitter: callers that spread retries over time (a queue of
 * mails, one harvest source per upstream) have had no herd to break up.
 *
 * @param first the wait after the first failure; zero or more
 * @param factor how much longer each further wait is; 1 or more
 * @param cap the longest wait; zero or more (a {@code first} above it gives {@code cap} every time)
 */
public record Backoff(Duration first, int factor, Duration cap) {

    public Backoff {
        if (first.isNegative() || cap.isNegative()) {
            throw new IllegalArgumentException("backoff delays must not be negative: first " + first + ", cap " + cap);
        }
        if (factor < 1) {
            throw new IllegalArgumentException("backoff factor must be 1 or more, not " + factor);
        }
    }

    /** {@code first}, doubled after each further failure, at most {@code cap}. */
    public static Backoff doubling(Duration first, Duration cap) {
        return new Backoff(first, 2, cap);
    }

    /**
     * The wait after {@code failures} consecutive failures.
     *
     * @throws IllegalArgumentException when {@code failures} is under 1: there is nothing to back off from
     */
    public Duration delayAfter(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("a backoff needs at least one failure, not " + failures);
        }
        Duration delay = min(first, cap);
        if (factor == 1) {
            return delay;
        }
        Duration beforeCap = cap.dividedBy(factor); // any delay above this would pass the cap when multiplied
        for (int i = 1; i < failures; i++) {
            if (delay.compareTo(beforeCap) > 0) {
                return cap;
            }
            delay = delay.multipliedBy(factor);
        }
        return delay;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
