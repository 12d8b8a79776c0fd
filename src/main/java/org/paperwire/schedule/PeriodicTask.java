package org.paperwire.schedule;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a task on its own named daemon thread: first after {@code firstAfter}, then each time {@code every} has
 * passed since the previous run ended (a fixed delay), or earlier when its {@link Wakeup} is signalled. Any
 * {@link Throwable} the task throws is logged with the task's name and the schedule goes on: a task that fails
 * never silently stops recurring. Closing is bounded: it waits a given time for the run under way, interrupts
 * it, and logs when the thread still did not end.
 */
public final class PeriodicTask implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);
    /** How long {@link #close(Duration)} still waits after interrupting a run that outlived its grace. */
    private static final Duration AFTER_INTERRUPT = Duration.ofSeconds(1);

    private final String name;
    private final Duration firstAfter;
    private final Duration every;
    private final Wakeup wakeup;
    private final Runnable task;
    private final Thread thread;
    private volatile boolean stopped;

    private PeriodicTask(String name, Duration firstAfter, Duration every, Wakeup wakeup, Runnable task) {
        if (firstAfter.isNegative() || !every.isPositive()) {
            throw new IllegalArgumentException(name + ": a periodic task needs a first delay of zero or more and a"
                    + " positive delay, not " + firstAfter + " and " + every);
        }
        this.name = name;
        this.firstAfter = firstAfter;
        this.every = every;
        this.wakeup = wakeup;
        this.task = task;
        this.thread = Thread.ofPlatform().name(name).daemon().unstarted(this::loop);
    }

    /** Starts {@code task} on a thread named {@code name}: first after {@code firstAfter}, then every {@code every}. */
    public static PeriodicTask start(String name, Duration firstAfter, Duration every, Runnable task) {
        return start(name, firstAfter, every, new Wakeup(), task);
    }

    /** As {@link #start(String, Duration, Duration, Runnable)}, also running early whenever {@code wakeup} is signalled. */
    public static PeriodicTask start(String name, Duration firstAfter, Duration every, Wakeup wakeup, Runnable task) {
        PeriodicTask periodic = new PeriodicTask(name, firstAfter, every, wakeup, task);
        periodic.thread.start();
        return periodic;
    }

    /** Runs the task now, or right after the run under way. */
    public void wake() {
        wakeup.signal();
    }

    /** No further run starts; the one under way (if any) goes on. Returns at once. */
    public void stop() {
        stopped = true;
        wakeup.signal(); // a waiting thread wakes up, sees that it is stopped and ends
    }

    /**
     * Stops, waits at most {@code grace} for the run under way to end, then interrupts it and waits a little
     * longer; logs when the thread has still not ended (it is a daemon: it cannot keep the JVM alive).
     */
    public void close(Duration grace) {
        stop();
        if (join(grace)) {
            return;
        }
        thread.interrupt();
        if (!join(AFTER_INTERRUPT)) {
            log.warn("{} did not stop within {} and an interrupt; left running", name, grace.plus(AFTER_INTERRUPT));
        }
    }

    /** Stops and interrupts the run under way at once, then waits at most {@code wait} for it to end. */
    public void closeNow(Duration wait) {
        stop();
        thread.interrupt();
        if (!join(wait)) {
            log.warn("{} did not stop within {} of an interrupt; left running", name, wait);
        }
    }

    /** Closes at once: interrupts the run under way and waits up to a second for it. */
    @Override
    public void close() {
        closeNow(AFTER_INTERRUPT);
    }

    private void loop() {
        try {
            if (!pause(firstAfter)) {
                return;
            }
            while (!stopped) {
                runOnce();
                if (!pause(every)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            // closed: end quietly
        }
    }

    private void runOnce() {
        try {
            task.run();
        } catch (Throwable e) { // also an Error: the schedule must outlive any one run
            if (stopped) {
                log.debug("{} failed while stopping", name, e);
            } else {
                log.error("{} failed; it runs again in {}", name, every, e);
            }
        }
    }

    /** Waits {@code delay} or until woken; false when stopped meanwhile. */
    private boolean pause(Duration delay) throws InterruptedException {
        if (stopped) {
            return false;
        }
        wakeup.await(delay);
        return !stopped;
    }

    private boolean join(Duration wait) {
        try {
            return thread.join(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !thread.isAlive();
        }
    }
}
