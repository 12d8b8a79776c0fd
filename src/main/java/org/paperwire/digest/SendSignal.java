package org.paperwire.digest;

import org.paperwire.schedule.Wakeup;

/**
 * Wakes the mail sender when a mail is queued, so that a confirmation goes out within seconds rather than at
 * the next poll. Signals that arrive while the sender is busy coalesce into one more pass.
 */
public final class SendSignal {
    private final Wakeup wakeup = new Wakeup();

    public void signal() {
        wakeup.signal();
    }

    /** What the mail sender's periodic task waits on. */
    Wakeup wakeup() {
        return wakeup;
    }
}
