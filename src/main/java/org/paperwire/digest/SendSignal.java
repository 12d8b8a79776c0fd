package org.paperwire.digest;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Wakes the mail sender when a mail is queued, so that a confirmation goes out within seconds rather than at
 * the next poll. Signals that arrive while the sender is busy coalesce into one more pass.
 */
public final class SendSignal {
    private final Semaphore permits = new Semaphore(0);

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
