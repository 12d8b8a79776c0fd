package org.paperwire.ingest.arxiv;

import java.util.ArrayList;
import java.util.List;

/** Cleans arXiv's text fields: hard-wrapped lines joined, and the one-string author lists of arXivRaw split. */
final class ArxivText {
    private ArxivText() {}

    /**
     * Whitespace runs, line breaks included, as single spaces; null or blank as null. arXiv wraps titles and
     * abstracts at 80 columns, which means nothing to a reader on any other screen.
     */
    static String collapse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return text.strip().replaceAll("\\s+", " ");
    }

    /**
     * Splits arXivRaw's {@code "A, B and C"} into names. Commas and " and " separate names only outside
     * parentheses, and parenthesised affiliations are dropped: {@code "O. Shadura (1), V. Vassilev (2) ((1) UNL,
     * (2) Princeton)"} gives {@code [O. Shadura, V. Vassilev]}.
     */
    static List<String> authors(String raw) {
        String text = collapse(raw);
        List<String> names = new ArrayList<>();
        if (text == null) {
            return names;
        }
        StringBuilder name = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || (c == ')' && depth > 0)) {
                depth += c == '(' ? 1 : -1;
            } else if (depth == 0 && c == ',') {
                add(names, name);
            } else if (depth == 0 && text.startsWith(" and ", i)) {
                add(names, name);
                i += " and".length();
            } else if (depth == 0) {
                name.append(c);
            }
        }
        add(names, name);
        return names;
    }

    private static void add(List<String> names, StringBuilder name) {
        String cleaned = collapse(name.toString());
        if (cleaned != null) {
            names.add(cleaned);
        }
        name.setLength(0);
    }
}
