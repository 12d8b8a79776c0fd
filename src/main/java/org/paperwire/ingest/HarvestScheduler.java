package org.paperwire.ingest;

import java.time.Duration;
import java.util.List;
import org.paperwire.schedule.PeriodicTask;
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
    /** How long closing waits for an interrupted harvest to finish writing before the database closes. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private PeriodicTask ticks;

    public HarvestScheduler(HarvestService service, List<String> sources, Duration tick) {
        this.service = service;
        this.sources = List.copyOf(sources);
        this.tick = tick;
    }

    public synchronized void start() {
        if (ticks != null) {
            return;
        }
        ticks = PeriodicTask.start("harvest-scheduler", Duration.ZERO, tick, this::tick);
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
    public synchronized void close() {
        if (ticks != null) {
            // let a harvest that is writing finish its transaction before the database closes
            ticks.closeNow(STOP_WAIT);
        }
    }
}
