package org.paperwire.ingest;

/**
 * A harvest that stopped because the upstream failed (HTTP error, timeout, invalid XML). The message names
 * the URL and what went wrong; {@link #partial()} holds what was ingested before the failure.
 */
public final class HarvestException extends Exception {
    private final IngestReport partial;

    public HarvestException(String message, IngestReport partial, Throwable cause) {
        super(message, cause);
        this.partial = partial;
    }

    public IngestReport partial() {
        return partial;
    }
}
