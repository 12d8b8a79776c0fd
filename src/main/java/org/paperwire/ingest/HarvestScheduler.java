package org.paperwire.ingest;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Harvests each configured source whenever it is due, inside {@code serve}. Every tick is wrapped so that a
 * failure is logged and the schedule goes on; the source's own backoff lives in {@link HarvestService}.
 */
public final class HarvestScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HarvestScheduler.class);

    private final HarvestService service;
    private final List<String> sources;
    private final Duration tick;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "harvest-scheduler");
        t.setDaemon(true);
        return t;
    });

    public HarvestScheduler(HarvestService service, List<String> sources, Duration tick) {
        this.service = service;
        this.sources = List.copyOf(sources);
        this.tick = tick;
    }

    public void start() {
        executor.scheduleWithFixedDelay(this::tick, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
        log.info("harvest scheduler started for {}", sources);
    }

    /** Runs every due source once. Never throws: one failing source must not stop the schedule. */
    void tick() {
        for (String source : sources) {
            try {
                if (service.isDue(source)) {
                    service.run(source, null);
                }
            } catch (HarvestBusyException e) {
                log.info("{}; trying again on the next tick", e.getMessage());
            } catch (RuntimeException e) {
                log.error("scheduled harvest of {} failed unexpectedly; will retry on the next tick", source, e);
            }
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            // let a harvest that is writing finish its transaction before the database closes
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
