package org.paperwire.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = Backoff.doubling(Duration.ofMinutes(2), Duration.ofHours(6));

    @Test
    void theFirstFailureWaitsTheFirstDelay() {
        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void eachFurtherFailureDoublesTheWait() {
        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofMinutes(4));
        assertThat(backoff.delayAfter(3)).isEqualTo(Duration.ofMinutes(8));
        assertThat(backoff.delayAfter(7)).isEqualTo(Duration.ofMinutes(128));
    }

    @Test
    void theWaitStopsAtTheCap() {
        assertThat(backoff.delayAfter(8)).as("256 minutes is still under 6 hours").isEqualTo(Duration.ofMinutes(256));
        assertThat(backoff.delayAfter(9)).as("512 minutes would pass 6 hours").isEqualTo(Duration.ofHours(6));
    }

    @Test
    void aWaitThatReachesTheCapExactlyIsTheCap() {
        assertThat(Backoff.doubling(Duration.ofMinutes(1), Duration.ofMinutes(4)).delayAfter(3))
                .isEqualTo(Duration.ofMinutes(4));
    }

    @Test
    void hugeFailureCountsGiveTheCapWithoutOverflow() {
        assertThat(backoff.delayAfter(64)).isEqualTo(Duration.ofHours(6));
        assertThat(backoff.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(6));
        Backoff widest = new Backoff(Duration.ofNanos(1), 10, Duration.ofSeconds(Long.MAX_VALUE));
        assertThat(widest.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(Long.MAX_VALUE));
    }

    @Test
    void otherFactorsMultiplyByThemselves() {
        Backoff tripling = new Backoff(Duration.ofSeconds(1), 3, Duration.ofMinutes(1));
        assertThat(tripling.delayAfter(3)).isEqualTo(Duration.ofSeconds(9));
        assertThat(tripling.delayAfter(5)).isEqualTo(Duration.ofMinutes(1));
        assertThat(new Backoff(Duration.ofSeconds(7), 1, Duration.ofMinutes(1)).delayAfter(Integer.MAX_VALUE))
                .as("a factor of 1 is a constant wait").isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void aFirstDelayAboveTheCapGivesTheCap() {
        assertThat(Backoff.doubling(Duration.ofHours(1), Duration.ofMinutes(30)).delayAfter(1))
                .isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void noFailureHasNoBackoff() {
        assertThatThrownBy(() -> backoff.delayAfter(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not 0");
    }

    @Test
    void nonsensicalSettingsAreRefusedNamingTheValue() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(-1), 2, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT-1S");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), 0, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not 0");
    }
}
