package org.paperwire.digest;

import java.time.LocalDate;
import java.util.List;

/**
 * One paper in a digest and why it is there.
 *
 * @param reason the topic that brought it, e.g. "trending in cs.CL" or "your search “…”"
 * @param trendingRank its rank in the trending list it came from, 0 when it came from a search or an author
 */
public record DigestItem(String paperId, String title, List<String> authors, List<String> categories, LocalDate day,
        String shortAbstract, String reason, int trendingRank) {
    public DigestItem {
        authors = List.copyOf(authors);
        categories = List.copyOf(categories);
    }
}
