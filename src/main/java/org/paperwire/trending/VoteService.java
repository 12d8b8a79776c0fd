package org.paperwire.trending;

import java.time.InstantSource;
import org.paperwire.paper.PaperStore;

/** One vote per visitor per paper, with un-voting; counts stay exact because each change is one transaction. */
public final class VoteService {
    /** The state after a vote or un-vote: whether this visitor's vote stands and the paper's vote count. */
    public record VoteState(String paperId, boolean voted, long votes) {}

    private final SignalStore signals;
    private final PaperStore papers;
    private final TrendingService trending;
    private final InstantSource clock;

    public VoteService(SignalStore signals, PaperStore papers, TrendingService trending, InstantSource clock) {
        this.signals = signals;
        this.papers = papers;
        this.trending = trending;
        this.clock = clock;
    }

    /** Votes for (or with {@code up} false withdraws the vote on) a paper; throws when the paper is unknown. */
    public VoteState vote(String paperId, String visitor, boolean up) {
        if (papers.find(paperId).isEmpty()) {
            throw new IllegalArgumentException("no paper with id " + paperId);
        }
        boolean changed = up ? signals.addVote(paperId, visitor, clock.instant())
                : signals.removeVote(paperId, visitor, clock.instant());
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
