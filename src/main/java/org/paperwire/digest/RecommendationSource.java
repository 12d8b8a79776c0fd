package org.paperwire.digest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.paperwire.library.LibraryCollection;
import org.paperwire.library.LibraryService;
import org.paperwire.recommend.Recommendation;
import org.paperwire.recommend.Recommender;
import org.paperwire.subscription.Subscriber;

/**
 * The digest's "Recommended for you" sections (issue 10): one per collection of the subscriber's library, before
 * every topic, each with its own cap ({@code digest.recommendations-per-collection}). The candidates are the
 * {@link Recommender}'s papers since the digest's first new day, leaving out what the reader saved or rated in any
 * collection and what earlier digests gave them.
 */
public final class RecommendationSource implements DigestSource {
    /** How many times a collection's candidate list is fetched again, twice as deep, to fill its cap. */
    private static final int MAX_DEEPENINGS = 3;

    private final Recommender recommender;
    private final LibraryService library;
    private final int perCollection;

    /** @param perCollection papers at most per collection and digest; 0 turns the sections off */
    public RecommendationSource(Recommender recommender, LibraryService library, int perCollection) {
        if (perCollection < 0) {
            throw new IllegalArgumentException("recommendations per collection must be 0 or more, not " + perCollection);
        }
        this.recommender = recommender;
        this.library = library;
        this.perCollection = perCollection;
    }

    @Override
    public List<Section> sections(Request request) {
        return prepare(List.of(request.subscriber())).sections(request);
    }

    /**
     * Trains the models of these subscribers' collections ahead, and reads their collections and saved or rated
     * papers once for all of them: the source for their digests.
     */
    @Override
    public DigestSource prepare(List<Subscriber> subscribers) {
        if (perCollection == 0) {
            return request -> List.of();
        }
        List<Long> readers = subscribers.stream().map(Subscriber::id).toList();
        Recommender.Batch batch = recommender.prepare(readers);
        Map<Long, List<LibraryCollection>> collections = library.collections(readers);
        Map<Long, Set<String>> kept = library.savedOrRated(readers);
        Set<Long> prepared = Set.copyOf(readers);
        return request -> {
            long reader = request.subscriber().id();
            if (!prepared.contains(reader)) {
                return sections(request);
            }
            return sections(request, collections.getOrDefault(reader, List.of()), kept.getOrDefault(reader, Set.of()),
                    batch);
        };
    }

    private List<Section> sections(Request request, List<LibraryCollection> collections, Set<String> kept,
            Recommender.Batch batch) {
        List<Section> out = new ArrayList<>(collections.size());
        for (int i = 0; i < collections.size(); i++) {
            LibraryCollection c = collections.get(i);
            // before every topic (positions 0 and up), in the order of the reader's collections
            out.add(new Section(Integer.MIN_VALUE + i, "recommended from your collection ‘" + c.name() + "’",
                    perCollection, candidates(request, c, kept, batch)));
        }
        return out;
    }

    /**
     * The collection's best new papers, enough of them to fill the cap once the saved, rated and already given ones
     * are left out: the list is fetched three caps deep, and again deeper while it came back full but short.
     */
    private List<Candidate> candidates(Request request, LibraryCollection c, Set<String> kept, Recommender.Batch batch) {
        int limit = perCollection * 3;
        List<Candidate> out = new ArrayList<>();
        for (int round = 0; round <= MAX_DEEPENINGS; round++, limit *= 2) {
            List<Recommendation> recs = batch.recommend(request.subscriber().id(), c, request.since(), limit, kept);
            out.clear();
            for (Recommendation r : recs) {
                String id = r.paper().id();
                if (!kept.contains(id) && !request.given().contains(id)) {
                    out.add(new Candidate(id, 0, Optional.of(new DigestItem.Recommended(c.id(), c.name(), r.score(),
                            r.because().subList(0, Math.min(3, r.because().size()))))));
                }
            }
            if (out.size() >= perCollection || recs.size() < limit) {
                break;
            }
        }
        return out;
    }
}
