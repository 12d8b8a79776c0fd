package org.paperwire.bench;

import java.util.List;

/**
 * What {@code bench web} measured, in the JSON shape of {@code bench web --json} (components in key order): each
 * page's load result, then what was measured besides the numbers (cores, store size, how much of hybrid search
 * was semantic) and whether the goals were met.
 */
public record WebBenchResult(HttpLoad.Result trending, HttpLoad.Result search, HttpLoad.Result paper, int cores,
        double loadAverage, int clients, int secondsPerPage, long papers, String searchMode, long embeddingBacklog,
        List<String> searchNotes, GoalsMet goalsMet) {
    /** Goal of the trending page: a small box serves it to many readers at once. */
    public static final Goal TRENDING_GOAL = new Goal(1_000, 50);
    /** Goal of a hybrid search page. */
    public static final Goal SEARCH_GOAL = new Goal(0, 100);

    public WebBenchResult {
        searchNotes = List.copyOf(searchNotes);
    }

    /** A throughput floor (0: none) and a p99 ceiling. */
    public record Goal(double minRps, double maxP99Ms) {
        public boolean met(HttpLoad.Result r) {
            return r.errors() == 0 && r.rps() >= minRps && r.p99Ms() <= maxP99Ms;
        }

        public String describe() {
            return (minRps > 0 ? String.format("≥ %,.0f req/s, ", minRps) : "") + String.format("p99 ≤ %.0f ms", maxP99Ms);
        }
    }

    /** Whether each page with a goal met it. */
    public record GoalsMet(boolean trending, boolean search) {
        public static GoalsMet of(HttpLoad.Result trending, HttpLoad.Result search) {
            return new GoalsMet(TRENDING_GOAL.met(trending), SEARCH_GOAL.met(search));
        }
    }

    /** Whether any page had a failed request. */
    public boolean anyErrors() {
        return trending.errors() + search.errors() + paper.errors() > 0;
    }

    /** How much of hybrid search the store allows to be semantic, given the papers still without vectors. */
    public static String searchMode(long papers, long backlog) {
        return backlog == 0 ? "hybrid" : backlog >= papers ? "hybrid, keyword part only (no vectors)"
                : "hybrid, semantic part over the papers with vectors";
    }
}
