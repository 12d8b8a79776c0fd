package org.paperwire.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The latches' timeouts only keep a broken build from hanging; no assertion depends on how long anything took. */
class PeriodicTaskTest {
    private static final Duration NEVER = Duration.ofDays(1);
    private static final long BOUND_S = 30;

    @Test
    void aTaskThatThrowsKeepsItsSchedule() throws InterruptedException {
        CountDownLatch threeRuns = new CountDownLatch(3);
        try (PeriodicTask task = PeriodicTask.start("throwing", Duration.ZERO, Duration.ofMillis(1), () -> {
            threeRuns.countDown();
            throw new IllegalStateException("boom");
        })) {
            assertThat(threeRuns.await(BOUND_S, TimeUnit.SECONDS)).as("runs after a failure").isTrue();
        }
    }

    @Test
    void anErrorDoesNotStopTheScheduleEither() throws InterruptedException {
        CountDownLatch twoRuns = new CountDownLatch(2);
        try (PeriodicTask task = PeriodicTask.start("erring", Duration.ZERO, Duration.ofMillis(1), () -> {
            twoRuns.countDown();
            throw new AssertionError("an Error, not an Exception");
        })) {
            assertThat(twoRuns.await(BOUND_S, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void runsOnItsOwnNamedDaemonThread() throws InterruptedException {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        CountDownLatch ran = new CountDownLatch(1);
        try (PeriodicTask task = PeriodicTask.start("named-task", Duration.ZERO, NEVER, () -> {
            ranOn.set(Thread.currentThread());
            ran.countDown();
        })) {
            assertThat(ran.await(BOUND_S, TimeUnit.SECONDS)).isTrue();
            assertThat(ranOn.get().getName()).isEqualTo("named-task");
            assertThat(ranOn.get().isDaemon()).isTrue();
        }
    }

    @Test
    void aWakeUpRunsTheTaskBeforeItsDelay() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch ran = new CountDownLatch(1);
        try (PeriodicTask task = PeriodicTask.start("woken", NEVER, NEVER, () -> {
            runs.incrementAndGet();
            ran.countDown();
        })) {
            assertThat(runs).as("the first run is a day away").hasValue(0);
            task.wake();
            assertThat(ran.await(BOUND_S, TimeUnit.SECONDS)).as("woken long before a day").isTrue();
        }
    }

    @Test
    void aWakeUpSignalledBeforeTheStartIsKept() throws InterruptedException {
        Wakeup wakeup = new Wakeup();
        wakeup.signal();
        CountDownLatch ran = new CountDownLatch(1);
        try (PeriodicTask task = PeriodicTask.start("woken-early", NEVER, NEVER, wakeup, ran::countDown)) {
            assertThat(ran.await(BOUND_S, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void wakeUpsDuringARunGiveOneMoreRun() throws InterruptedException {
        CountDownLatch firstRunStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstRun = new CountDownLatch(1);
        CountDownLatch secondRun = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        try (PeriodicTask task = PeriodicTask.start("busy", Duration.ZERO, NEVER, () -> {
            if (runs.incrementAndGet() == 1) {
                firstRunStarted.countDown();
                awaitUninterruptibly(releaseFirstRun);
            } else {
                secondRun.countDown();
            }
        })) {
            assertThat(firstRunStarted.await(BOUND_S, TimeUnit.SECONDS)).isTrue();
            task.wake();
            task.wake();
            releaseFirstRun.countDown();
            assertThat(secondRun.await(BOUND_S, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void closeInterruptsARunThatOutlivesTheGraceAndTheThreadEnds() throws InterruptedException {
        HeldRun held = new HeldRun(true);
        PeriodicTask task = PeriodicTask.start("blocking", Duration.ZERO, Duration.ofMillis(1), held);
        held.awaitRunning();

        task.close(Duration.ZERO); // never released: only the interrupt ends the run

        assertThat(held.ended.await(BOUND_S, TimeUnit.SECONDS)).isTrue();
        assertThat(held.interrupted).as("ended by the interrupt").isTrue();
        assertThat(held.runs).as("no run after close").hasValue(1);
    }

    @Test
    void closeReturnsEvenWhenTheRunIgnoresInterrupts() throws InterruptedException {
        HeldRun held = new HeldRun(false);
        PeriodicTask task = PeriodicTask.start("stubborn", Duration.ZERO, Duration.ofMillis(1), held);
        held.awaitRunning();

        task.closeNow(Duration.ZERO);

        assertThat(held.ended.getCount()).as("close returned while the run still goes on").isEqualTo(1);
        held.release.countDown();
        task.closeNow(Duration.ofSeconds(BOUND_S)); // waits for the thread to end: no further run starts
        assertThat(held.finished).isTrue();
        assertThat(held.runs).hasValue(1);
    }

    @Test
    void closeWithGraceLetsTheRunUnderWayFinishUninterrupted() throws InterruptedException {
        HeldRun held = new HeldRun(true);
        PeriodicTask task = PeriodicTask.start("graceful", Duration.ZERO, Duration.ofMillis(1), held);
        held.awaitRunning();
        Thread closer = Thread.ofPlatform().start(() -> task.close(NEVER));
        task.stop(); // so that the release below can only end the run under way, never start another
        held.release.countDown();
        closer.join(Duration.ofSeconds(BOUND_S));

        assertThat(closer.isAlive()).as("close returned once the run ended").isFalse();
        assertThat(held.finished).isTrue();
        assertThat(held.interrupted).isFalse();
    }

    @Test
    void anIdleTaskClosesWithoutRunningAgain() {
        AtomicInteger runs = new AtomicInteger();
        PeriodicTask task = PeriodicTask.start("idle", NEVER, NEVER, runs::incrementAndGet);
        task.close(NEVER); // returns although the grace is a day: the waiting thread ends at once
        assertThat(runs).hasValue(0);
    }

    /** A run that waits for {@code release}; {@code interruptible} says whether an interrupt ends it early. */
    private static final class HeldRun implements Runnable {
        final boolean interruptible;
        final AtomicInteger runs = new AtomicInteger();
        final CountDownLatch running = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch ended = new CountDownLatch(1);
        final AtomicBoolean interrupted = new AtomicBoolean();
        final AtomicBoolean finished = new AtomicBoolean();

        HeldRun(boolean interruptible) {
            this.interruptible = interruptible;
        }

        @Override
        public void run() {
            runs.incrementAndGet();
            running.countDown();
            try {
                if (interruptible) {
                    release.await();
                } else {
                    awaitUninterruptibly(release);
                }
                finished.set(true);
            } catch (InterruptedException e) {
                interrupted.set(true);
            } finally {
                ended.countDown();
            }
        }

        void awaitRunning() throws InterruptedException {
            assertThat(running.await(BOUND_S, TimeUnit.SECONDS)).as("the first run started").isTrue();
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
