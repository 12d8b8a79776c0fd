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
import org.paperwire.schedule.Backoff;
import org.paperwire.schedule.LeaseKeeper;
import org.paperwire.schedule.Leases;
import org.paperwire.schedule.NodeId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one harvest of a source and records the outcome as that source's {@link SourceStatus}: counts,
 * the new checkpoint on success, the error and a backed-off next attempt on failure. The scheduler in
 * {@code serve} and the {@code harvest} command both go through here.
 *
 * <p>Within a process one harvest runs at a time. Across processes and nodes sharing the store, a harvest takes
 * the lease of its source's {@linkplain HarvestSource#upstream() upstream} in the store, renews it while it
 * runs and gives it back at the end; a harvest whose upstream is leased by someone else does not start
 * ({@link HarvestBusyException}). A holder that dies loses its lease {@link #LEASE} after its last renewal, or
 * at once when it was a process on this host ({@link NodeId#mayBeRunning}).
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
    private final Leases leases;
    private final NodeId node;
    /** This node's name in the lease table. */
    private final String holder;

    /** How long a lease lasts without renewal; a running harvest renews it every third of that. */
    public static final Duration LEASE = Duration.ofMinutes(2);

    /**
     * @param leases where harvests take the lease of their upstream
     * @param node this node's name as a lease holder
     */
    public HarvestService(List<HarvestSource> sources, SourceStatusStore statuses, Leases leases, NodeId node,
            InstantSource clock, Duration interval, Duration retryDelay) {
        sources.forEach(s -> this.sources.put(s.name(), s));
        this.statuses = statuses;
        this.leases = leases;
        this.node = node;
        this.holder = node.value();
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
            try (LeaseKeeper lease = takeLease(harvester)) {
                return runLocked(harvester, from);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Takes the lease of the source's upstream, or throws naming who holds it and until when. */
    private LeaseKeeper takeLease(HarvestSource harvester) {
        LeaseKeeper.Taken taken = LeaseKeeper.take(leases, leaseName(harvester), holder, harvester.name(), LEASE, clock,
                node::mayBeRunning);
        Leases.Lease lease = taken.lease();
        return taken.kept().orElseThrow(() -> new HarvestBusyException(lease.detail().equals(harvester.name())
                ? "source " + harvester.name() + " is being harvested by " + lease.holder() + " until " + lease.expiresAt()
                : "source " + harvester.name() + " shares its upstream with " + lease.detail()
                        + ", which is being harvested by " + lease.holder() + " until " + lease.expiresAt()));
    }

    /** The name of the lease a harvest of {@code source} takes: one per upstream, shared by its sources. */
    public static String leaseName(HarvestSource source) {
        return "harvest:" + source.upstream();
    }

    /** This service's name as a lease holder: its node's ({@link NodeId}). */
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
