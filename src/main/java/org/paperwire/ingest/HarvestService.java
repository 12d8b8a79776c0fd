package org.paperwire.ingest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.paperwire.schedule.Backoff;
import org.paperwire.schedule.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one harvest of a source and records the outcome as that source's {@link SourceStatus}: counts,
 * the new checkpoint on success, the error and a backed-off next attempt on failure. The scheduler in
 * {@code serve} and the {@code harvest} command both go through here.
 *
 * <p>Within a process one harvest runs at a time. Across processes sharing the store, a harvest first takes
 * the lease of its source's {@linkplain HarvestSource#upstream() upstream} in the store, renews it while it
 * runs and gives it back at the end; a harvest whose upstream is leased by someone else does not start
 * ({@link HarvestBusyException}). A holder that dies loses its lease {@link #LEASE} after its last renewal.
 */
public final class HarvestService {
    private static final Logger log = LoggerFactory.getLogger(HarvestService.class);

    /** The outcome of one run: the status saved afterwards, the report, and the error if it failed. */
    public record Run(SourceStatus status, IngestReport report, Optional<String> error) {}

    private final Map<String, HarvestSource> sources = new LinkedHashMap<>();
    private final SourceStatusStore statuses;
    private final InstantSource clock;
    private final Duration interval;
    private final Backoff backoff;
    private final ReentrantLock lock = new ReentrantLock();
    /** This service's name in the lease table: pid, host, and a random tag (two services may share a JVM). */
    private final String holder = holderName();

    /** How long a lease lasts without renewal; a running harvest renews it every third of that. */
    public static final Duration LEASE = Duration.ofMinutes(2);
    /** How long ending a harvest waits for a lease renewal under way, so that it cannot follow the release. */
    private static final Duration RENEWER_STOP_WAIT = Duration.ofSeconds(5);

    public HarvestService(List<HarvestSource> sources, SourceStatusStore statuses, InstantSource clock,
            Duration interval, Duration retryDelay) {
        sources.forEach(s -> this.sources.put(s.name(), s));
        this.statuses = statuses;
        this.clock = clock;
        this.interval = interval;
        this.backoff = Backoff.doubling(retryDelay, interval);
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

    /**
     * Harvests {@code source} once; {@code from} overrides the checkpoint when not null.
     *
     * @throws HarvestBusyException when another holder has the lease of the source's upstream
     */
    public Run run(String source, LocalDate from) {
        HarvestSource harvester = sources.get(source);
        if (harvester == null) {
            throw new IllegalArgumentException("unknown source '" + source + "'; known: " + sources.keySet());
        }
        lock.lock();
        try {
            takeLease(harvester);
            Duration every = LEASE.dividedBy(3);
            PeriodicTask renewer = PeriodicTask.start("harvest-lease-" + harvester.name(), every, every,
                    () -> renewLease(harvester));
            try {
                return runLocked(harvester, from);
            } finally {
                // a renewal under way ends before the release, so that it cannot take the lease back after it
                renewer.close(RENEWER_STOP_WAIT);
                statuses.release(harvester.upstream(), holder);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Takes the lease of the source's upstream, or throws naming who holds it and until when. */
    private void takeLease(HarvestSource harvester) {
        Instant now = clock.instant();
        SourceStatusStore.Lease lease = statuses.lease(harvester.upstream(), harvester.name(), holder, now, now.plus(LEASE));
        if (!lease.holder().equals(holder)) {
            String message = lease.source().equals(harvester.name())
                    ? "source " + harvester.name() + " is being harvested by " + lease.holder() + " until " + lease.until()
                    : "source " + harvester.name() + " shares its upstream with " + lease.source()
                            + ", which is being harvested by " + lease.holder() + " until " + lease.until();
            throw new HarvestBusyException(message);
        }
    }

    private void renewLease(HarvestSource harvester) {
        try {
            Instant now = clock.instant();
            SourceStatusStore.Lease lease = statuses.lease(harvester.upstream(), harvester.name(), holder, now,
                    now.plus(LEASE));
            if (!lease.holder().equals(holder)) {
                log.error("harvest {} lost its lease to {} (was this process paused for over {}?); it finishes its"
                        + " current page", harvester.name(), lease.holder(), LEASE);
            }
        } catch (RuntimeException e) {
            log.error("harvest {}: renewing the lease failed; will retry", harvester.name(), e);
        }
    }

    private static String holderName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return ProcessHandle.current().pid() + "@" + host + "#" + HexFormat.of().toHexDigits((short) new SecureRandom().nextInt());
    }

    /** This service's name as a lease holder, e.g. {@code 4711@build-host#3fa2}. */
    public String holder() {
        return holder;
    }

    private Run runLocked(HarvestSource harvester, LocalDate from) {
        SourceStatus before = status(harvester.name());
        Instant started = clock.instant();
        try {
            HarvestSource.Result result = harvester.harvest(before.checkpoint(), from);
            Instant now = clock.instant();
            SourceStatus.Counts counts = SourceStatus.Counts.of(result.report());
            SourceStatus after = statuses.saveRun(new SourceStatus(harvester.name(), result.nextCheckpoint(), started,
                    now, before.lastErrorAt(), before.lastError(), now.plus(interval), 0, counts, null));
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
        SourceStatus after = statuses.saveRun(new SourceStatus(harvester.name(), before.checkpoint(), started,
                before.lastSuccess(), now, message, now.plus(backoff.delayAfter(failures)), failures, counts, null));
        log.warn("harvest {} failed (attempt {}), next try at {}: {}", harvester.name(), failures,
                after.nextAttempt(), message);
        return new Run(after, partial, Optional.of(message));
    }

    /** The wait after consecutive failures: the retry delay doubled per failure, never longer than the interval. */
    Backoff backoff() {
        return backoff;
    }
}
