package org.paperwire.trending;

/**
 * The "how trending works" page: the formula and the limits that keep its inputs hard to inflate from one machine.
 *
 * @param votesPerMinute votes one client network may cast per minute
 * @param votesPerNetwork standing votes one client network may give one paper
 * @param viewsPerNetwork page views one client network adds to one paper per UTC day
 */
public record AboutPage(TrendingFormula formula, int votesPerMinute, int votesPerNetwork, int viewsPerNetwork) {
    /** The limits alone, as the configuration sets them; the formula comes from the trending service. */
    public record Limits(int votesPerMinute, int votesPerNetwork, int viewsPerNetwork) {}

    static AboutPage of(TrendingFormula formula, Limits limits) {
        return new AboutPage(formula, limits.votesPerMinute(), limits.votesPerNetwork(), limits.viewsPerNetwork());
    }
}
