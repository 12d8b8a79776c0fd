package org.paperwire.trending;

/**
 * The signals trending is computed from, as running totals for one paper.
 *
 * @param votes votes of this instance's visitors
 * @param views views of the paper's page here
 * @param hfUpvotes upvotes on Hugging Face daily papers
 * @param githubRepo the code repository Hugging Face links, or null
 * @param githubStars that repository's stars
 */
public record Signals(long votes, long views, long hfUpvotes, String githubRepo, long githubStars) {
    public static final Signals NONE = new Signals(0, 0, 0, null, 0);
}
