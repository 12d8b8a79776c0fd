package org.paperwire.ingest;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one harvest of a source and records the outcome as that source's {@link SourceStatus}: counts,
 * the new checkpoint on success, the error and a backed-off next attempt on failure. The scheduler in
 * {@code serve} and the {@code harvest} command both go through here.
 */
public final class HarvestService {
    private static final Logger log = LoggerFactory.getLogger(HarvestService.class);

    /** The outcome of one run: the status saved afterwards, the report, and the error if it failed. */
    public record Run(SourceStatus status, IngestReport report, Optional<String> error) {}

    private final Map<String, HarvestSource> sources = new LinkedHashMap<>();
    private final SourceStatusStore statuses;
    private final InstantSource clock;
    private final Duration interval;
    private final Duration retryDelay;
    private final ReentrantLock lock = new ReentrantLock();

    public HarvestService(List<HarvestSource> sources, SourceStatusStore statuses, InstantSource clock,
            Duration interval, Duration retryDelay) {
        sources.forEach(s -> this.sources.put(s.name(), s));
        this.statuses = statuses;
        this.clock = clock;
        this.interval = interval;
        this.retryDelay = retryDelay;
    }

    public List<String> sourceNames() {
        return List.copyOf(sources.keySet());
    }

    /** Status of every known source, including ones never run yet. */
    public List<SourceStatus> statuses() {
        Map<String, SourceStatus> known = new HashMap<>();
        for (SourceStatus s : statuses.all()) {
            known.put(s.source(), s);
        }
        return sources.keySet().stream().map(name -> known.getOrDefault(name, SourceStatus.fresh(name))).toList();
    }

    public SourceStatus status(String source) {
        return statuses.find(source).orElseGet(() -> SourceStatus.fresh(source));
    }

    /** True when the source has never run or its next attempt is due. */
    public boolean isDue(String source) {
        Instant next = status(source).nextAttempt();
        return next == null || !next.isAfter(clock.instant());
    }

    /** Harvests {@code source} once; {@code from} overrides the checkpoint when not null. */
    public Run run(String source, LocalDate from) {
        HarvestSource harvester = sources.get(source);
        if (harvester == null) {
            throw new IllegalArgumentException("unknown source '" + source + "'; known: " + sources.keySet());
        }
        lock.lock();
        try {
            return runLocked(harvester, from);
        } finally {
            lock.unlock();
        }
    }

    private Run runLocked(HarvestSource harvester, LocalDate from) {
        SourceStatus before = status(harvester.name());
        Instant started = clock.instant();
        try {
            HarvestSource.Result result = harvester.harvest(before.checkpoint(), from);
            Instant now = clock.instant();
            SourceStatus.Counts counts = SourceStatus.Counts.of(result.report());
            SourceStatus after = new SourceStatus(harvester.name(), result.nextCheckpoint(), started, now,
                    before.lastErrorAt(), before.lastError(), now.plus(interval), 0, counts, before.total().plus(counts));
            statuses.save(after);
            log.info("harvest {}: {} seen, {} new, {} updated", harvester.name(), counts.seen(), counts.created(),
                    counts.updated());
            return new Run(after, result.report(), Optional.empty());
        } catch (HarvestException e) {
            return failed(harvester, before, started, e.getMessage(), e.partial());
        } catch (RuntimeException e) {
            // a bug of ours, not the upstream's: log it in full, and back off like any failure so that
            // the schedule does not hammer the upstream while it lasts
            log.error("harvest {} failed unexpectedly", harvester.name(), e);
            return failed(harvester, before, started, "internal error: " + e, IngestReport.empty());
        }
    }

    private Run failed(HarvestSource harvester, SourceStatus before, Instant started, String message,
            IngestReport partial) {
        Instant now = clock.instant();
        int failures = before.consecutiveFailures() + 1;
        SourceStatus.Counts counts = SourceStatus.Counts.of(partial);
        SourceStatus after = new SourceStatus(harvester.name(), before.checkpoint(), started, before.lastSuccess(),
                now, message, now.plus(backoff(failures)), failures, counts, before.total().plus(counts));
        statuses.save(after);
        log.warn("harvest {} failed (attempt {}), next try at {}: {}", harvester.name(), failures,
                after.nextAttempt(), message);
        return new Run(after, partial, Optional.of(message));
    }

    /** Exponential backoff: the retry delay doubled per consecutive failure, never longer than the interval. */
    Duration backoff(int failures) {
        Duration delay = retryDelay;
        for (int i = 1; i < failures && delay.compareTo(interval) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(interval) > 0 ? interval : delay;
    }
}
