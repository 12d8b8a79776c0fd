package org.paperwire.digest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.paperwire.subscription.Topic;
import org.paperwire.trending.TrendItem;
import org.paperwire.paper.DateWindow;
import org.paperwire.trending.TrendingService;

/** Trending topics, overall or in a category: the week's trending ranking, papers from the period only. */
public final class TrendingSource extends TopicSource {
    private final TrendingService trending;
    private final boolean inCategory;

    private TrendingSource(Topic.Kind kind, TrendingService trending) {
        super(kind);
        this.trending = trending;
        this.inCategory = kind == Topic.Kind.CATEGORY;
    }

    /** For {@link Topic.Kind#TRENDING} topics. */
    public static TrendingSource overall(TrendingService trending) {
        return new TrendingSource(Topic.Kind.TRENDING, trending);
    }

    /** For {@link Topic.Kind#CATEGORY} topics. */
    public static TrendingSource inCategory(TrendingService trending) {
        return new TrendingSource(Topic.Kind.CATEGORY, trending);
    }

    @Override
    List<Candidate> candidates(String value, LocalDate since) {
        List<Candidate> out = new ArrayList<>();
        for (TrendItem item : trending.trending(DateWindow.WEEK, inCategory ? value : null, 0, 500).items()) {
            if (item.paper().day() != null && !item.paper().day().isBefore(since)) {
                out.add(new Candidate(item.paper().id(), item.rank()));
            }
        }
        return out;
    }
}
