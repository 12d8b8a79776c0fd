package org.paperwire.search.embed;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Who is embedding which papers right now, so that embedders sharing a store (several nodes on one PostgreSQL, or
 * a command beside {@code serve}) compute each vector once: an embedder takes the leases of a round's papers
 * before it embeds them and releases them once their vectors are cached. A lease ends by itself at its expiry,
 * so the papers of a holder that died go to the next embedder. Leases are kept per {@link Embedder#cacheKey()}:
 * embedders of different models never wait for each other. {@link JdbcEmbeddingLeases} keeps them in the store;
 * {@code EmbeddingLeasesContract} (tests) says what every implementation must do.
 */
public interface EmbeddingLeases {

    /**
     * The outcome of {@link #take}: the papers now leased to the caller, and for each of the others the instant
     * its current holder's lease ends.
     */
    record Taken(List<String> mine, Map<String, Instant> heldUntil) {}

    /**
     * Leases to {@code holder} until {@code until} those of {@code paperIds} that are free, expired at {@code now},
     * or already its own; the rest stay with their holders.
     */
    Taken take(String key, List<String> paperIds, String holder, Instant now, Instant until);

    /** Gives up {@code holder}'s leases of {@code paperIds} (others' leases are left alone). */
    void release(String key, List<String> paperIds, String holder);

    /** Leases for an embedder that shares its store with no other (a scratch store of an evaluation run): every take succeeds. */
    static EmbeddingLeases unshared() {
        return new EmbeddingLeases() {
            @Override
            public Taken take(String key, List<String> paperIds, String holder, Instant now, Instant until) {
                return new Taken(List.copyOf(paperIds), Map.of());
            }

            @Override
            public void release(String key, List<String> paperIds, String holder) {}
        };
    }
}
