package org.paperwire.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lease this node took, renewed on its own thread every third of its time until {@link #close() closed}, which
 * releases it. Work under a lease checks {@link #lost()} between steps: a lease is lost when someone else took it
 * over (this process was paused past its time) and then the work stops where it is.
 */
public final class LeaseKeeper implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LeaseKeeper.class);
    /** How long closing waits for a renewal under way, so that it cannot follow (and undo) the release. */
    private static final Duration RENEWER_STOP_WAIT = Duration.ofSeconds(5);

    private final Leases leases;
    private final Leases.Lease lease;
    private final Duration ttl;
    private final InstantSource clock;
    private final PeriodicTask renewer;
    private volatile boolean lost;

    private LeaseKeeper(Leases leases, Leases.Lease lease, Duration ttl, InstantSource clock) {
        this.leases = leases;
        this.lease = lease;
        this.ttl = ttl;
        this.clock = clock;
        Duration every = ttl.dividedBy(3);
        this.renewer = PeriodicTask.start("lease-" + lease.name(), every, every, this::renew);
    }

    /**
     * Takes the lease {@code name} for {@code holder} and keeps it, or returns the other holder's lease.
     *
     * @return the kept lease, or (when someone else holds it) that holder's lease
     */
    public static Taken take(Leases leases, String name, String holder, String detail, Duration ttl,
            InstantSource clock) {
        return take(leases, name, holder, detail, ttl, clock, other -> true);
    }

    /**
     * As {@link #take(Leases, String, String, String, Duration, InstantSource)}, and takes the lease over at once
     * from a holder that {@code mayBeRunning} says is dead (a process on this host killed with its lease held).
     */
    public static Taken take(Leases leases, String name, String holder, String detail, Duration ttl,
            InstantSource clock, Predicate<String> mayBeRunning) {
        Instant now = clock.instant();
        Leases.Lease lease = leases.tryAcquire(name, holder, detail, ttl, now);
        if (!lease.heldBy(holder) && !mayBeRunning.test(lease.holder())
                && leases.takeOver(name, lease.holder(), holder, detail, ttl, now)) {
            log.warn("took the lease {} over from {}, which no longer runs", name, lease.holder());
            lease = new Leases.Lease(name, holder, detail, now.plus(ttl));
        }
        return lease.heldBy(holder) ? new Taken(Optional.of(new LeaseKeeper(leases, lease, ttl, clock)), lease)
                : new Taken(Optional.empty(), lease);
    }

    /**
     * The outcome of {@link #take}.
     *
     * @param kept the lease this node now keeps; empty when another holder has it
     * @param lease the lease as it stood after the attempt: this node's, or the other holder's
     */
    public record Taken(Optional<LeaseKeeper> kept, Leases.Lease lease) {}

    private void renew() {
        if (lost) {
            return;
        }
        try {
            if (!leases.renew(lease.name(), lease.holder(), ttl, clock.instant())) {
                lost = true;
                log.error("lost the lease {} to another holder (was this process paused for over {}?); the work"
                        + " under it stops at its next step", lease.name(), ttl);
            }
        } catch (RuntimeException e) {
            log.error("renewing the lease {} failed; will retry", lease.name(), e);
        }
    }

    /** True once someone else took the lease over. */
    public boolean lost() {
        return lost;
    }

    public Leases.Lease lease() {
        return lease;
    }

    /** Stops renewing and releases the lease (if still held). */
    @Override
    public void close() {
        renewer.close(RENEWER_STOP_WAIT); // a renewal under way ends before the release
        leases.release(lease.name(), lease.holder());
    }
}
