package org.paperwire.paper;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Keeps characters that no reader wants out of paper text. Harvested titles and abstracts sometimes carry
 * control characters (a form feed pasted from a PDF, a NUL from a broken encoder); XML 1.0 cannot carry most of
 * them, so one of them in a title made every Atom feed that listed the paper fail. They are replaced at ingest
 * ({@link #clean}), and feeds and mails drop what XML cannot carry on output ({@link #xmlSafe}), so papers
 * stored before this cleaning are safe too.
 */
public final class PaperText {
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private PaperText() {}

    /**
     * The paper with control characters in its text replaced by spaces: single-line fields (title, authors,
     * comment, journal reference, DOI) then have their whitespace collapsed, the abstract keeps its line breaks
     * and tabs, and a category with spaces becomes one per word. The same instance when nothing needed cleaning,
     * which is nearly always.
     */
    public static Paper clean(Paper p) {
        if (isClean(p.title()) && isClean(p.abstractText()) && allClean(p.authors()) && allClean(p.categories())
                && isClean(p.comment()) && isClean(p.journalRef()) && isClean(p.doi()) && singleWords(p.categories())) {
            return p;
        }
        String title = line(p.title());
        return new Paper(p.id(), p.version(), title == null ? "" : title, withoutControls(p.abstractText()), lines(p.authors()),
                words(p.categories()), line(p.comment()), line(p.journalRef()), line(p.doi()), p.firstSubmitted(),
                p.lastUpdated(), p.listedOn());
    }

    /**
     * Categories are single words: the store keeps them space-separated, so a listing's {@code "I.2.6; J.5"}
     * would come back as two and never compare equal to what was written (a paper updated on every import, and a
     * category row that is never deleted).
     */
    private static List<String> words(List<String> categories) {
        return lines(categories).stream().flatMap(c -> SPACES.splitAsStream(c)).filter(w -> !w.isEmpty()).toList();
    }

    private static boolean singleWords(List<String> categories) {
        for (String c : categories) {
            for (int i = 0; i < c.length(); i++) {
                if (Character.isWhitespace(c.charAt(i))) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * {@code text} with every unwanted character replaced by a space: C0 controls other than tab, line feed
     * and carriage return, DEL, the C1 controls, the non-characters U+FFFE and U+FFFF, and unpaired surrogates.
     * Null stays null.
     */
    public static String withoutControls(String text) {
        return isClean(text) ? text : rewrite(text, false);
    }

    /**
     * {@code text} without the characters XML 1.0 cannot carry (C0 controls other than tab, line feed and carriage
     * return, U+FFFE, U+FFFF, unpaired surrogates), for feeds and mails. Null stays null.
     */
    public static String xmlSafe(String text) {
        return text == null || clean(text, true) ? text : rewrite(text, true);
    }

    /** {@code text} with each unwanted character ({@code forXml}: each one XML cannot carry) dropped or spaced. */
    private static String rewrite(String text, boolean forXml) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (!Character.isSurrogate(c) && !(forXml ? xmlIllegal(c) : unwanted(c))) {
                out.append(c);
            } else if (!forXml) {
                out.append(' ');
            }
        }
        return out.toString();
    }

    private static String line(String text) {
        if (isClean(text)) {
            return text;
        }
        String collapsed = SPACES.matcher(withoutControls(text)).replaceAll(" ").strip();
        return collapsed.isEmpty() ? null : collapsed;
    }

    private static List<String> lines(List<String> values) {
        return allClean(values) ? values
                : values.stream().map(PaperText::line).filter(v -> v != null && !v.isEmpty()).toList();
    }

    private static boolean allClean(List<String> values) {
        for (String v : values) {
            if (!isClean(v)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isClean(String text) {
        return text == null || clean(text, false);
    }

    /** Whether {@code text} has no unwanted character ({@code forXml}: no character XML cannot carry). */
    private static boolean clean(String text, boolean forXml) {
        return clean(text, 0, text.length(), forXml);
    }

    /** Whether {@code text} from {@code begin} to {@code end} is what {@link #xmlSafe} leaves as it is. */
    public static boolean isXmlSafe(String text, int begin, int end) {
        return clean(text, begin, end, true);
    }

    private static boolean clean(String text, int begin, int end, boolean forXml) {
        for (int i = begin; i < end; i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 >= end || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++; // the pair's low half
            } else if (forXml ? xmlIllegal(c) : unwanted(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean unwanted(char c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7f && c <= 0x9f || c == 0xfffe || c == 0xffff;
    }

    private static boolean xmlIllegal(char c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xfffe || c == 0xffff;
    }
}
