package org.paperwire.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Small display helpers the templates call; every result is still escaped by jte when printed. */
public final class Format {
    /** A piece of abstract text: plain, or TeX math between $ signs shown in a math style. */
    public record Segment(String text, boolean math) {}

    private Format() {}

    /** "A, B, C and 7 more". */
    public static String authors(List<String> authors, int shown) {
        if (authors.isEmpty()) {
            return "unknown authors";
        }
        if (authors.size() <= shown) {
            return String.join(", ", authors);
        }
        return String.join(", ", authors.subList(0, shown)) + " and " + (authors.size() - shown) + " more";
    }

    /** Keeps raw TeX readable: joins arXiv's hard line breaks and marks $...$ spans as math. */
    public static List<Segment> tex(String text) {
        String flat = text.replaceAll("\\s*\\n\\s*", " ").strip();
        List<Segment> segments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean math = false;
        for (int i = 0; i < flat.length(); i++) {
            char c = flat.charAt(i);
            if (c == '$' && (i == 0 || flat.charAt(i - 1) != '\\')) {
                if (!current.isEmpty()) {
                    segments.add(new Segment(current.toString(), math));
                    current.setLength(0);
                }
                math = !math;
            } else {
                current.append(c);
            }
        }
        if (!current.isEmpty()) {
            segments.add(new Segment(math ? "$" + current : current.toString(), false));
        }
        return segments;
    }

    /**
     * A page's meta description: {@code text} on one line, cut at a word boundary to at most {@code max}
     * characters (search engines show about 160), with an ellipsis when cut; {@code fallback} when blank.
     */
    public static String summary(String text, String fallback, int max) {
        String flat = text.replaceAll("\\s+", " ").strip();
        if (flat.isEmpty()) {
            return fallback;
        }
        if (flat.length() <= max) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', max - 1);
        return flat.substring(0, cut > max / 2 ? cut : max - 1).strip() + "…";
    }

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** "3 h ago", "2 days ago", or "never". */
    public static String ago(Instant then, Instant now) {
        if (then == null) {
            return "never";
        }
        Duration d = Duration.between(then, now);
        if (d.isNegative()) {
            return "in " + span(d.negated());
        }
        return span(d) + " ago";
    }

    private static String span(Duration d) {
        if (d.toMinutes() < 1) {
            return d.toSeconds() + " s";
        }
        if (d.toHours() < 1) {
            return d.toMinutes() + " min";
        }
        if (d.toDays() < 2) {
            return d.toHours() + " h";
        }
        return d.toDays() + " days";
    }

    /** Query-string encoding for links built in templates. */
    public static String url(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
