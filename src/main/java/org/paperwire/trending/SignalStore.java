package org.paperwire.trending;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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

    /** Adds a vote; false when this visitor had already voted (nothing changes then). */
    boolean addVote(String paperId, String visitor, Instant at);

    /** Removes a vote; false when there was none. */
    boolean removeVote(String paperId, String visitor, Instant at);

    void addViews(Map<String, Long> viewsByPaper, Instant at);

    void recordHuggingFace(List<HuggingFaceSignal> signals, Instant at);

    List<DayPoint> history(String paperId);
}
