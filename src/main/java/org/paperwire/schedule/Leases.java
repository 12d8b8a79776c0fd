package org.paperwire.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Leases in the store: a named piece of work (a harvest upstream, a batch of digests) that one holder at a time
 * may do, across every process and node sharing the store. A holder takes a lease that is free or whose time ran
 * out, renews it while it works and releases it at the end; a holder that dies loses it when its time runs out.
 * Every change is one conditional statement, so two holders never both hold a lease. Today's implementation is
 * {@link JdbcLeases}, on either store.
 */
public interface Leases {
    /**
     * A lease as stored.
     *
     * @param name what is leased, e.g. {@code harvest:export.arxiv.org}
     * @param holder who holds it ({@link NodeId})
     * @param detail what the holder does with it, for messages (a harvest: the source); may be empty
     * @param expiresAt when it is free again unless renewed
     */
    record Lease(String name, String holder, String detail, Instant expiresAt) {
        public boolean heldBy(String someone) {
            return holder.equals(someone);
        }
    }

    /**
     * Takes the lease {@code name} for {@code holder} until {@code now + ttl} when nobody holds it, its holder's
     * time ran out at {@code now}, or {@code holder} holds it already (then this renews it).
     *
     * @return the lease as it stands afterwards: {@linkplain Lease#heldBy held by} {@code holder} when it was
     *     taken, else by its other holder
     */
    Lease tryAcquire(String name, String holder, String detail, Duration ttl, Instant now);

    /**
     * Extends the lease to {@code now + ttl} if {@code holder} still holds it (also when its time ran out and
     * nobody took it meanwhile). False when someone else took it or it was released.
     */
    boolean renew(String name, String holder, Duration ttl, Instant now);

    /**
     * Takes the lease over from {@code from}, a holder known to be dead (a process on this host that is gone),
     * without waiting for its time to run out: atomically, and only if {@code from} still holds it. False when
     * it changed hands meanwhile.
     */
    boolean takeOver(String name, String from, String holder, String detail, Duration ttl, Instant now);

    /** Gives the lease back if {@code holder} still holds it. */
    void release(String name, String holder);

    /** The leases {@code holder} holds at {@code now} (not expired), by name. */
    List<Lease> held(String holder, Instant now);

    /** Every stored lease, expired ones included, by name. */
    List<Lease> all();
}
