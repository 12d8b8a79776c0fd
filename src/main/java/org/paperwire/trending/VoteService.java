package org.paperwire.trending;

import java.time.InstantSource;
import org.paperwire.paper.PaperStore;

/**
 * One vote per visitor per paper, with un-voting, and at most {@code perNetwork} standing votes per client network
 * and paper: fresh cookies from one machine cannot push a paper past that. Counts stay exact because each change
 * is one transaction.
 */
public final class VoteService {
    /** The state after a vote or un-vote: whether this visitor's vote stands and the paper's vote count. */
    public record VoteState(String paperId, boolean voted, long votes) {}

    /** The visitor's network has given the paper all the votes it may. */
    public static final class NetworkCapException extends RuntimeException {
        NetworkCapException(String paperId, int cap) {
            super(cap + " votes from your network already count for " + paperId + " (at most " + cap
                    + " per network and paper); withdrawing one of them frees a place");
        }
    }

    private final SignalStore signals;
    private final PaperStore papers;
    private final TrendingService trending;
    private final InstantSource clock;
    private final int perNetwork;

    public VoteService(SignalStore signals, PaperStore papers, TrendingService trending, InstantSource clock,
            int perNetwork) {
        this.signals = signals;
        this.papers = papers;
        this.trending = trending;
        this.clock = clock;
        this.perNetwork = perNetwork;
    }

    /**
     * Votes for (or with {@code up} false withdraws the vote on) a paper; throws when the paper is unknown.
     *
     * @param network the client network id the vote comes from
     * @throws NetworkCapException when {@code network} already has {@code perNetwork} votes on the paper
     */
    public VoteState vote(String paperId, String visitor, String network, boolean up) {
        if (papers.find(paperId).isEmpty()) {
            throw new IllegalArgumentException("no paper with id " + paperId);
        }
        boolean changed;
        if (up) {
            SignalStore.VoteChange change = signals.addVote(paperId, visitor, network, perNetwork, clock.instant());
            if (change == SignalStore.VoteChange.NETWORK_FULL) {
                throw new NetworkCapException(paperId, perNetwork);
            }
            changed = change == SignalStore.VoteChange.ADDED;
        } else {
            changed = signals.removeVote(paperId, visitor, clock.instant());
        }
        if (changed) {
            trending.invalidate();
        }
        return state(paperId, visitor);
    }

    public VoteState state(String paperId, String visitor) {
        return new VoteState(paperId, visitor != null && signals.hasVoted(paperId, visitor),
                signals.signals(paperId).votes());
    }
}
