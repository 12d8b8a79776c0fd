package org.paperwire.recommend;

import java.util.List;
import org.paperwire.paper.PaperSummary;

/**
 * A paper recommended to a reader from one of their collections: the model's score and the one to three papers of
 * the collection it is closest to ("because you saved ...").
 */
public record Recommendation(PaperSummary paper, double score, List<Reason> because) {
    public Recommendation {
        because = List.copyOf(because);
    }

    /** A library paper the recommendation is close to. */
    public record Reason(String id, String title) {}
}
