package org.paperwire.ingest;

/**
 * A harvest that did not start because another process (or another service in this one) holds the lease of
 * the source's upstream; the message names the holder and when its lease runs out. Nothing failed: the
 * scheduler tries again on its next tick, the {@code harvest} command says so and skips the source.
 */
public final class HarvestBusyException extends RuntimeException {
    public HarvestBusyException(String message) {
        super(message);
    }
}
