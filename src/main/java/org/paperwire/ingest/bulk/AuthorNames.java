package org.paperwire.ingest.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Display names ("First Last") from the Kaggle snapshot's two author fields. {@code authors_parsed}
 * ({@code [last, first, suffix, affiliation...]}) is preferred: it is Unicode, where {@code authors}
 * keeps TeX accents.
 */
final class AuthorNames {
    /** Between authors: a comma (optionally followed by "and"), or "and" on its own. */
    private static final Pattern SEPARATOR = Pattern.compile("\\s*,\\s*(?:and\\s+)?|\\s+and\\s+");
    private static final Pattern AFFILIATION = Pattern.compile("\\([^()]*\\)");
    private static final Set<String> SUFFIXES = Set.of("Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV");

    private AuthorNames() {}

    /** Names from {@code authors_parsed}; empty when that field is missing or empty. */
    static List<String> fromParsed(JsonNode parsed) {
        List<String> names = new ArrayList<>();
        if (!parsed.isArray()) {
            return names;
        }
        for (JsonNode parts : parsed) {
            // arXiv's parser writes "C.-P." as "C. -P."; put the hyphenated initials back together
            String first = part(parts, 1).replace(". -", ".-");
            String name = join(join(first, part(parts, 0)), part(parts, 2));
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    /** Names from the {@code authors} string "A, B and C", affiliations in parentheses left out. */
    static List<String> fromString(String authors) {
        List<String> names = new ArrayList<>();
        if (authors == null) {
            return names;
        }
        String text = Fields.singleLine(withoutAffiliations(authors));
        for (String piece : SEPARATOR.split(text)) {
            String name = piece.strip();
            if (name.isEmpty()) {
                continue;
            }
            if (SUFFIXES.contains(name) && !names.isEmpty()) {
                names.set(names.size() - 1, names.getLast() + " " + name); // "John Smith, Jr."
            } else {
                names.add(name);
            }
        }
        return names;
    }

    private static String withoutAffiliations(String text) {
        String previous;
        do { // innermost parentheses first, so nested ones go too
            previous = text;
            text = AFFILIATION.matcher(text).replaceAll(" ");
        } while (!text.equals(previous));
        return text;
    }

    private static String part(JsonNode parts, int index) {
        JsonNode part = parts.path(index);
        return part.isValueNode() ? Fields.singleLine(part.asText()) : "";
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + " " + b;
    }
}
