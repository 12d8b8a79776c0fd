package org.paperwire.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Leases} must do, whatever it stores in (issue 11): a subclass per store hands over a new,
 * empty lease store for each test (and closes what it opened afterwards).
 */
abstract class LeasesContract {
    static final Instant T0 = Instant.parse("2026-06-30T10:00:00Z");
    static final Duration TTL = Duration.ofMinutes(2);

    /** A new, empty lease store for one test. */
    protected abstract Leases newLeases();

    @Test
    void aFreeLeaseIsTakenAndAnotherHolderIsToldWhoHasItAndUntilWhen() {
        Leases leases = newLeases();
        Leases.Lease mine = leases.tryAcquire("harvest:arxiv", "node-a", "arxiv-oai", TTL, T0);
        assertThat(mine).isEqualTo(new Leases.Lease("harvest:arxiv", "node-a", "arxiv-oai", T0.plus(TTL)));

        Leases.Lease theirs = leases.tryAcquire("harvest:arxiv", "node-b", "arxiv-api", TTL, T0.plusSeconds(30));
        assertThat(theirs.heldBy("node-b")).isFalse();
        assertThat(theirs).isEqualTo(mine);
        assertThat(leases.tryAcquire("harvest:other", "node-b", "", TTL, T0).heldBy("node-b"))
                .as("another name is another lease").isTrue();
    }

    @Test
    void aHolderThatStopsRenewingLosesTheLeaseOnceItsTimeRanOut() {
        Leases leases = newLeases();
        leases.tryAcquire("digest-batch:0", "dead", "", TTL, T0);
        assertThat(leases.tryAcquire("digest-batch:0", "alive", "", TTL, T0.plus(TTL).minusMillis(1)).holder())
                .isEqualTo("dead");

        Leases.Lease taken = leases.tryAcquire("digest-batch:0", "alive", "", TTL, T0.plus(TTL));
        assertThat(taken.heldBy("alive")).isTrue();
        assertThat(leases.renew("digest-batch:0", "dead", TTL, T0.plus(TTL))).as("too late").isFalse();
        leases.release("digest-batch:0", "dead");
        assertThat(leases.all()).extracting(Leases.Lease::holder).containsExactly("alive");
    }

    @Test
    void renewingExtendsTheLeaseAndReleasingFreesItOnlyForItsHolder() {
        Leases leases = newLeases();
        leases.tryAcquire("l", "a", "", TTL, T0);
        assertThat(leases.renew("l", "a", TTL, T0.plus(TTL).minusSeconds(1))).isTrue();
        assertThat(leases.tryAcquire("l", "b", "", TTL, T0.plus(TTL)).holder()).as("renewed").isEqualTo("a");
        assertThat(leases.tryAcquire("l", "a", "", TTL, T0.plusSeconds(10)).heldBy("a")).as("taking again renews")
                .isTrue();

        leases.release("l", "b");
        assertThat(leases.all()).hasSize(1);
        leases.release("l", "a");
        assertThat(leases.all()).isEmpty();
        assertThat(leases.renew("l", "a", TTL, T0)).as("released").isFalse();
        assertThat(leases.tryAcquire("l", "b", "", TTL, T0).heldBy("b")).isTrue();
    }

    @Test
    void aLeaseIsTakenOverFromADeadHolderOnlyWhileThatHolderStillHasIt() {
        Leases leases = newLeases();
        leases.tryAcquire("l", "dead", "old", TTL, T0);
        assertThat(leases.takeOver("l", "someone-else", "me", "mine", TTL, T0)).isFalse();
        assertThat(leases.takeOver("l", "dead", "me", "mine", TTL, T0.plusSeconds(1))).isTrue();
        assertThat(leases.all()).containsExactly(new Leases.Lease("l", "me", "mine", T0.plusSeconds(1).plus(TTL)));
        assertThat(leases.takeOver("l", "dead", "third", "", TTL, T0.plusSeconds(2))).as("changed hands").isFalse();
    }

    @Test
    void heldListsAHoldersLeasesThatHaveNotRunOut() {
        Leases leases = newLeases();
        leases.tryAcquire("b", "me", "", TTL, T0);
        leases.tryAcquire("a", "me", "", TTL.multipliedBy(2), T0);
        leases.tryAcquire("c", "someone", "", TTL, T0);
        assertThat(leases.held("me", T0.plusSeconds(1))).extracting(Leases.Lease::name).containsExactly("a", "b");
        assertThat(leases.held("me", T0.plus(TTL))).extracting(Leases.Lease::name).containsExactly("a");
        assertThat(leases.all()).extracting(Leases.Lease::name).containsExactly("a", "b", "c");
    }

    @Test
    void manyHoldersRacingForOneLeaseLeaveExactlyOneHolder() throws Exception {
        Leases leases = newLeases();
        int holders = 8;
        CountDownLatch go = new CountDownLatch(1);
        List<Callable<Leases.Lease>> tries = new ArrayList<>();
        for (int i = 0; i < holders; i++) {
            String holder = "node-" + i;
            tries.add(() -> {
                go.await();
                return leases.tryAcquire("contended", holder, "", TTL, T0);
            });
        }
        List<Leases.Lease> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(holders)) {
            List<Future<Leases.Lease>> futures = tries.stream().map(pool::submit).toList();
            go.countDown();
            for (Future<Leases.Lease> f : futures) {
                outcomes.add(f.get());
            }
        }
        String winner = leases.all().getFirst().holder();
        assertThat(outcomes).as("every one was told the same holder").allSatisfy(l -> assertThat(l.holder())
                .isEqualTo(winner));
        assertThat(leases.all()).hasSize(1);
    }
}
