package org.paperwire.ingest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keeps each harvest source's {@link SourceStatus} across restarts, and the leases that let one process at a
 * time harvest an upstream, even when a {@code harvest} command runs beside {@code serve}.
 */
public interface SourceStatusStore {
    Optional<SourceStatus> find(String source);

    List<SourceStatus> all();

    /**
     * Writes the status after a run and returns it as stored: every field as given, except the totals, which
     * become the stored totals plus {@code status.lastRun()}, added in one SQL statement so that no other
     * writer's counts are lost ({@code status.total()} is ignored).
     */
    SourceStatus saveRun(SourceStatus status);

    /** Who holds a harvest lease, for which source, and until when. */
    record Lease(String name, String source, String holder, Instant until) {}

    /**
     * Takes the lease {@code name} for {@code holder} until {@code until} when nobody holds it, its holder's time
     * ran out at {@code now}, or {@code holder} holds it already (a renewal); atomically, in one statement.
     *
     * @return the lease as it stands afterwards: held by {@code holder} when it was taken, else by the other holder
     */
    Lease lease(String name, String source, String holder, Instant now, Instant until);

    /** Gives the lease back if {@code holder} still holds it. */
    void release(String name, String holder);
}
