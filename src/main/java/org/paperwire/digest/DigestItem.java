package org.paperwire.digest;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.paperwire.recommend.Recommendation;

/**
 * One paper in a digest and why it is there.
 *
 * @param reason the topic that brought it, e.g. "trending in cs.CL" or "your search “…”"
 * @param trendingRank its rank in the trending list it came from, 0 when it came from a search or an author
 * @param recommended for a paper of the "Recommended for you" section, the collection, score and reasons
 */
public record DigestItem(String paperId, String title, List<String> authors, List<String> categories, LocalDate day,
        String shortAbstract, String reason, int trendingRank, Optional<Recommended> recommended) {
    public DigestItem {
        authors = List.copyOf(authors);
        categories = List.copyOf(categories);
    }

    /** A paper that came from a topic (no recommendation). */
    public DigestItem(String paperId, String title, List<String> authors, List<String> categories, LocalDate day,
            String shortAbstract, String reason, int trendingRank) {
        this(paperId, title, authors, categories, day, shortAbstract, reason, trendingRank, Optional.empty());
    }

    /**
     * Why a paper is recommended: the reader's collection it was recommended from, the model's score and the one to
     * three papers of the collection it is closest to ("because you saved …").
     */
    public record Recommended(long collectionId, String collectionName, double score,
            List<Recommendation.Reason> because) {
        public Recommended {
            because = List.copyOf(because);
        }
    }
}
