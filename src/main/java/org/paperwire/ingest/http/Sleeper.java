package org.paperwire.ingest.http;

import java.time.Duration;

/**
 * Waits for a while. Production code sleeps the thread; tests pass one that records each wait and moves
 * their clock forward, so that rate limits and Retry-After are checked without real waiting.
 */
@FunctionalInterface
public interface Sleeper {
    /** The real thing: {@link Thread#sleep(Duration)}. */
    Sleeper SYSTEM = Thread::sleep;

    void sleep(Duration duration) throws InterruptedException;
}
