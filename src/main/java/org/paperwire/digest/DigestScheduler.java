package org.paperwire.digest;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link DigestRunner#run} on a fixed tick inside {@code serve}: each tick sends the digests whose
 * delivery hour has come (and retries that are due). One failing tick is logged and the schedule goes on.
 */
public final class DigestScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DigestScheduler.class);

    private final DigestRunner runner;
    private final Duration tick;
    private ScheduledExecutorService executor;

    public DigestScheduler(DigestRunner runner, Duration tick) {
        this.runner = runner;
        this.tick = tick;
    }

    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "digest-scheduler");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::tick, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One tick; never throws, so the schedule never stops. */
    void tick() {
        try {
            DigestRunner.Report r = runner.run(DigestRunner.Options.scheduled());
            if (r.due() + r.sent() + r.failed() > 0) {
                log.info("digests: {} due, {} sent, {} failed, {} skipped, {} waiting to retry", r.due(), r.sent(),
                        r.failed(), r.skipped(), r.retrying());
            }
        } catch (RuntimeException e) {
            log.error("digest run failed; the next tick tries again", e);
        }
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
            awaitQuietly(executor);
        }
    }

    /** Lets a run that is sending finish its current message before the database closes. */
    private static void awaitQuietly(java.util.concurrent.ExecutorService executor) {
        try {
            executor.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
