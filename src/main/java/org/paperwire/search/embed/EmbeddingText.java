package org.paperwire.search.embed;

import java.util.regex.Pattern;
import org.paperwire.paper.Paper;

/** The text of a paper that gets embedded: title and abstract, whitespace collapsed (as BEIR/MTEB join them). */
public final class EmbeddingText {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private EmbeddingText() {}

    public static String of(Paper paper) {
        return of(paper.title(), paper.abstractText());
    }

    public static String of(String title, String abstractText) {
        String joined = (title == null ? "" : title) + " " + (abstractText == null ? "" : abstractText);
        return WHITESPACE.matcher(joined).replaceAll(" ").strip();
    }
}
