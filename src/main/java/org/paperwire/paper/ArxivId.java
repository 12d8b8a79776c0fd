package org.paperwire.paper;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An arXiv identifier split into the id without version and the version (0 if none was given).
 * Accepts new-style ids ({@code 2406.01234v2}), old-style ids ({@code hep-th/9901001}, {@code math.GT/0309136}),
 * and the same wrapped in {@code arXiv:} or an {@code arxiv.org/abs/} URL. A version has at most six digits
 * (arXiv's papers have a few dozen at most): a longer one, such as {@code v99999999999}, is not an id, so
 * that it reads as one bad record or a 404 instead of overflowing an int.
 */
public record ArxivId(String id, int version) {
    private static final Pattern ID = Pattern.compile(
            "(?:arxiv:|https?://(?:www\\.|export\\.)?arxiv\\.org/(?:abs|pdf)/)?"
                    + "(\\d{4}\\.\\d{4,5}|[a-z][a-z-]*(?:\\.[A-Z]{2})?/\\d{7})(?:v(\\d{1,6}))?",
            Pattern.CASE_INSENSITIVE);

    public static Optional<ArxivId> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        Matcher m = ID.matcher(raw.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String id = m.group(1);
        int slash = id.indexOf('/');
        if (slash > 0) {
            // the archive part is lower case, a subject class such as math.GT upper case, however it was typed
            String archive = id.substring(0, slash);
            int dot = archive.indexOf('.');
            archive = dot < 0 ? archive.toLowerCase(Locale.ROOT)
                    : archive.substring(0, dot).toLowerCase(Locale.ROOT) + archive.substring(dot).toUpperCase(Locale.ROOT);
            id = archive + id.substring(slash);
        }
        int version = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        return Optional.of(new ArxivId(id, version));
    }

    /** Like {@link #parse} but throws with a message naming the bad input. */
    public static ArxivId parseOrThrow(String raw) {
        return parse(raw).orElseThrow(() -> new IllegalArgumentException(
                "'" + raw + "' is not an arXiv id (expected e.g. 2406.01234 or hep-th/9901001)"));
    }
}
