package org.paperwire.trending;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.paperwire.paper.PaperSummary;

/** Where trending signals live: running totals per paper, individual votes, and a daily history. */
public interface SignalStore {
    /** A paper in a trending window with its signals. */
    record Candidate(PaperSummary paper, Signals signals) {}

    /** Signal totals at the end of one day, for a paper's chart. */
    record DayPoint(LocalDate day, Signals signals) {}

    /** What Hugging Face daily papers says about one paper. */
    record HuggingFaceSignal(String paperId, long upvotes, String githubRepo, long githubStars, Instant publishedAt) {}

    /** Papers whose day lies in [from, to], optionally only those in {@code category} (null for all). */
    List<Candidate> candidates(LocalDate from, LocalDate to, String category);

    /** The newest paper day not after {@code notAfter}, optionally within a category. */
    Optional<LocalDate> newestDay(LocalDate notAfter, String category);

    Signals signals(String paperId);

    boolean hasVoted(String paperId, String visitor);

    /** The papers {@code visitor} has a standing vote on, oldest vote first (then by id). */
    List<String> votedBy(String visitor);

    /** What asking for a vote did. */
    enum VoteChange {
        /** The vote was added. */
        ADDED,
        /** This visitor had already voted; nothing changed. */
        ALREADY_VOTED,
        /** The visitor's network already gave the paper as many votes as it may; nothing changed. */
        NETWORK_FULL
    }

    /**
     * Adds a vote of {@code visitor}, unless the visitor already voted or {@code network} (an opaque client network
     * id) already has {@code networkCap} votes on the paper; checked and written in one transaction.
     */
    VoteChange addVote(String paperId, String visitor, String network, int networkCap, Instant at);

    /** Removes a vote; false when there was none. */
    boolean removeVote(String paperId, String visitor, Instant at);

    /**
     * Counts each view whose viewer has not viewed the paper that day yet, at most {@code networkCap} viewers per
     * network, paper and day (rows of days before {@code at}'s previous UTC day are dropped); returns how many
     * counted.
     */
    int addViews(List<PageView> views, int networkCap, Instant at);

    void recordHuggingFace(List<HuggingFaceSignal> signals, Instant at);

    List<DayPoint> history(String paperId);
}
