package org.paperwire.web;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/** Reads and checks query parameters; anything invalid becomes a 400 that names the parameter and the rule. */
public final class Params {
    private static final Pattern CATEGORY = Pattern.compile("[A-Za-z][A-Za-z.-]{0,31}");
    public static final int MAX_TEXT = 10_000;

    private Params() {}

    public static int integer(Context ctx, String name, int fallback, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw HttpError.badRequest("parameter '" + name + "' must be a whole number from " + min + " to " + max
                + ", not '" + shorten(raw) + "'");
    }

    /** An arXiv category such as cs.CL, or null when absent. */
    public static String category(Context ctx) {
        String raw = ctx.queryParam("cat");
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (!CATEGORY.matcher(raw.strip()).matches()) {
            throw HttpError.badRequest("parameter 'cat' must be an arXiv category such as cs.CL, not '"
                    + shorten(raw) + "'");
        }
        return raw.strip();
    }

    public static LocalDate date(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw HttpError.badRequest("parameter '" + name + "' must be a date like 2025-01-31, not '"
                    + shorten(raw) + "'");
        }
    }

    /** Free text (a query); refuses more than {@link #MAX_TEXT} characters. */
    public static String text(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw != null && raw.length() > MAX_TEXT) {
            throw HttpError.badRequest("parameter '" + name + "' is longer than " + MAX_TEXT + " characters");
        }
        return raw == null ? "" : raw;
    }

    /** One of the allowed words, or the fallback when absent. */
    public static String oneOf(Context ctx, String name, String fallback, List<String> allowed) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        if (!allowed.contains(raw.strip())) {
            throw HttpError.badRequest("parameter '" + name + "' must be one of " + allowed + ", not '"
                    + shorten(raw) + "'");
        }
        return raw.strip();
    }

    static String shorten(String raw) {
        return raw.length() <= 40 ? raw : raw.substring(0, 40) + "…";
    }
}
