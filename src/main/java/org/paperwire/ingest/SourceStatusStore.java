package org.paperwire.ingest;

import java.util.List;
import java.util.Optional;

/** Keeps each harvest source's {@link SourceStatus} across restarts. */
public interface SourceStatusStore {
    Optional<SourceStatus> find(String source);

    List<SourceStatus> all();

    void save(SourceStatus status);
}
