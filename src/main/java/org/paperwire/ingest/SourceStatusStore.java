package org.paperwire.ingest;

import java.util.List;
import java.util.Optional;

/**
 * Keeps each harvest source's {@link SourceStatus} across restarts. (The leases that let one node at a time
 * harvest an upstream are {@link org.paperwire.schedule.Leases}.)
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
}
