package org.paperwire.trending;

/**
 * The trending score, in the spirit of Hacker News' gravity:
 *
 * <pre>
 *   points = votes·wVotes + hfUpvotes·wHf + ln(1 + githubStars)·wStars + ln(1 + views)·wViews
 *   score  = points / (ageHours + baseHours)^gravity
 * </pre>
 *
 * Stars and views are damped with a logarithm because they come in thousands where votes come in tens.
 * Every parameter is configurable and shown on the "How trending works" page.
 */
public record TrendingFormula(
        double gravity,
        double baseHours,
        double votesWeight,
        double hfUpvotesWeight,
        double githubStarsWeight,
        double viewsWeight) {

    public static final TrendingFormula DEFAULT = new TrendingFormula(1.8, 2, 1.0, 1.0, 2.0, 0.5);

    public double points(Signals s) {
        return s.votes() * votesWeight
                + s.hfUpvotes() * hfUpvotesWeight
                + Math.log1p(s.githubStars()) * githubStarsWeight
                + Math.log1p(s.views()) * viewsWeight;
    }

    public double score(Signals s, double ageHours) {
        return points(s) / Math.pow(Math.max(0, ageHours) + baseHours, gravity);
    }
}
