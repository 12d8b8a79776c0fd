package org.paperwire.ingest.arxiv;

import java.util.List;
import org.paperwire.paper.Paper;

/**
 * The configured categories, as a test on papers: a paper is harvested when any of its categories is one of
 * them. A bare archive ({@code hep-th}, or {@code cs} for all of computer science) takes its subcategories too.
 */
record CategoryFilter(List<String> wanted) {

    CategoryFilter {
        wanted = List.copyOf(wanted);
    }

    boolean accepts(Paper paper) {
        return paper.categories().stream().anyMatch(this::accepts);
    }

    private boolean accepts(String category) {
        return wanted.stream().anyMatch(w -> category.equals(w) || category.startsWith(w + "."));
    }
}
