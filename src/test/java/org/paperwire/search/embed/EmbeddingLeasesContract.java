package org.paperwire.search.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EmbeddingLeases} in a store must do (issue 11: embeddings computed once for the cluster): a
 * subclass per database hands over new, empty leases for each test (and closes what it opened afterwards).
 */
abstract class EmbeddingLeasesContract {
    private static final Instant T0 = Instant.parse("2025-03-15T12:00:00Z");
    private static final Instant UNTIL = T0.plus(Duration.ofMinutes(10));
    private static final String KEY = "bge/max512";

    /** New, empty leases for one test. */
    protected abstract EmbeddingLeases newLeases();

    @Test
    void freePapersGoToTheFirstTakerAndAreHeldAgainstTheNextUntilTheLeaseEnds() {
        EmbeddingLeases leases = newLeases();
        assertThat(leases.take(KEY, List.of("2501.00002", "2501.00001"), "node-a", T0, UNTIL).mine())
                .containsExactly("2501.00002", "2501.00001");

        EmbeddingLeases.Taken second = leases.take(KEY, List.of("2501.00001", "2501.00003"), "node-b", T0.plusSeconds(1),
                UNTIL.plusSeconds(1));
        assertThat(second.mine()).containsExactly("2501.00003");
        assertThat(second.heldUntil()).isEqualTo(Map.of("2501.00001", UNTIL));
    }

    @Test
    void aLeaseOfAHolderThatDiedIsTakenOnceItHasExpired() {
        EmbeddingLeases leases = newLeases();
        leases.take(KEY, List.of("2501.00001"), "4711@gone#dead", T0, UNTIL);

        assertThat(leases.take(KEY, List.of("2501.00001"), "node-b", UNTIL.minusMillis(1), UNTIL.plusSeconds(600)).mine())
                .isEmpty();
        assertThat(leases.take(KEY, List.of("2501.00001"), "node-b", UNTIL, UNTIL.plusSeconds(600)).mine())
                .containsExactly("2501.00001");
        assertThat(leases.take(KEY, List.of("2501.00001"), "node-c", UNTIL.plusSeconds(1), UNTIL.plusSeconds(601))
                .heldUntil()).isEqualTo(Map.of("2501.00001", UNTIL.plusSeconds(600)));
    }

    @Test
    void aReleasedLeaseIsFreeAtOnceButOnlyItsHolderCanReleaseIt() {
        EmbeddingLeases leases = newLeases();
        leases.take(KEY, List.of("2501.00001", "2501.00002"), "node-a", T0, UNTIL);

        leases.release(KEY, List.of("2501.00001", "2501.00002"), "node-b");
        assertThat(leases.take(KEY, List.of("2501.00001"), "node-b", T0, UNTIL).mine()).isEmpty();

        leases.release(KEY, List.of("2501.00001"), "node-a");
        assertThat(leases.take(KEY, List.of("2501.00001", "2501.00002"), "node-b", T0, UNTIL).mine())
                .containsExactly("2501.00001");
    }

    @Test
    void aHolderRenewsItsOwnLeaseAndLeasesOfOtherModelsAreApart() {
        EmbeddingLeases leases = newLeases();
        leases.take(KEY, List.of("2501.00001"), "node-a", T0, UNTIL);

        assertThat(leases.take(KEY, List.of("2501.00001"), "node-a", T0.plusSeconds(5), UNTIL.plusSeconds(5)).mine())
                .containsExactly("2501.00001");
        assertThat(leases.take(KEY, List.of("2501.00001"), "node-b", UNTIL, UNTIL.plusSeconds(600)).heldUntil())
                .isEqualTo(Map.of("2501.00001", UNTIL.plusSeconds(5)));
        assertThat(leases.take("minilm/max256", List.of("2501.00001"), "node-b", T0, UNTIL).mine())
                .containsExactly("2501.00001");
    }

    @Test
    void takesMorePapersThanOneStatementHoldsAndNothingForNoPapers() {
        EmbeddingLeases leases = newLeases();
        List<String> many = IntStream.rangeClosed(1, 700).mapToObj(i -> String.format("2501.%05d", i))
                .toList();
        assertThat(leases.take(KEY, many, "node-a", T0, UNTIL).mine()).isEqualTo(many);
        assertThat(leases.take(KEY, many, "node-b", T0, UNTIL).heldUntil()).hasSize(700);
        assertThat(leases.take(KEY, List.of(), "node-b", T0, UNTIL)).isEqualTo(new EmbeddingLeases.Taken(List.of(), Map.of()));
        leases.release(KEY, many, "node-a");
        assertThat(leases.take(KEY, many, "node-b", T0, UNTIL).mine()).hasSize(700);
    }
}
