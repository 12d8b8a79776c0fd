package org.paperwire.schedule;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Wakes a {@link PeriodicTask} before its delay has passed. Wake-ups that arrive while the task runs coalesce
 * into one more run right after it; one that arrives before the task starts is kept for its first wait.
 */
public final class Wakeup {
    private final Semaphore permits = new Semaphore(0);

    /** Asks for a run now (or right after the one under way). */
    public void signal() {
        if (permits.availablePermits() == 0) {
            permits.release();
        }
    }

    /** Waits until signalled or until {@code timeout} has passed; true when signalled. */
    boolean await(Duration timeout) throws InterruptedException {
        boolean woken = permits.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
        permits.drainPermits();
        return woken;
    }
}
