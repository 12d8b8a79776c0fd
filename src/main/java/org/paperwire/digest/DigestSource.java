package org.paperwire.digest;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.paperwire.subscription.DigestPeriod;
import org.paperwire.subscription.Subscriber;

/**
 * Where a digest's sections come from. {@link DigestBuilder} asks every registered source (the list is built in
 * the composition root) for its sections for one subscriber and fills them in order of {@link Section#position};
 * a new kind of section (say, recommendations) is one more source.
 */
public interface DigestSource {
    /**
     * The sections this source gives {@code request}'s subscriber, with their candidates best first; papers
     * already given are filtered out by the builder.
     */
    List<Section> sections(Request request);

    /**
     * Called before a batch of digests is built, with its subscribers: a source may do their costly work ahead, in
     * parallel, and read once what each of their digests needs (recommendations train their models and read the
     * readers' libraries). Returns the source to build the batch's digests with: this one (the default), or one
     * holding what was read ahead, which builds the digests of other subscribers as this one does.
     */
    default DigestSource prepare(List<Subscriber> subscribers) {
        return this;
    }

    /**
     * One subscriber's digest being built.
     *
     * @param since the first day whose papers count as new
     * @param given papers the subscriber already had (they never come again)
     * @param memo candidate lists shared by the subscribers of one run
     */
    record Request(Subscriber subscriber, DigestPeriod period, LocalDate since, Set<String> given, Memo memo) {}

    /**
     * A section of a digest.
     *
     * @param position where it goes among the digest's sections (topics use their place in the subscriber's list)
     * @param reason what the mail says the papers are for
     * @param cap at most this many papers from it
     */
    record Section(int position, String reason, int cap, List<Candidate> candidates) {}

    /**
     * A candidate paper, best first; {@code rank} is the trending rank (0 for the others); {@code recommended} says
     * why a recommendation is one (empty for the papers of topics).
     */
    record Candidate(String paperId, int rank, Optional<DigestItem.Recommended> recommended) {
        public Candidate(String paperId, int rank) {
            this(paperId, rank, Optional.empty());
        }
    }

    /** Caches candidate lists for one run: subscribers who share a topic cost one search, not one each. */
    interface Memo {
        List<Candidate> get(String key, Supplier<List<Candidate>> compute);
    }
}
