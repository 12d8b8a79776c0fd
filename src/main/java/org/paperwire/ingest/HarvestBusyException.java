package org.paperwire.ingest;

import java.time.Instant;

/**
 * A harvest that did not start because another process (or another service in this one) holds the lease of
 * the source's upstream; the message names the holder and when its lease runs out. Nothing failed: the
 * scheduler tries again on its next tick, the {@code harvest} command says so and skips the source.
 */
public final class HarvestBusyException extends RuntimeException {
    private final String holder;
    private final Instant until;

    public HarvestBusyException(String message, String holder, Instant until) {
        super(message);
        this.holder = holder;
        this.until = until;
    }

    public String holder() {
        return holder;
    }

    public Instant until() {
        return until;
    }
}
