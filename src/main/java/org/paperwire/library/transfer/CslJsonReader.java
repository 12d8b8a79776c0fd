package org.paperwire.library.transfer;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.paperwire.paper.TitleKey;

/**
 * Reads CSL-JSON (Zotero's "CSL JSON" export, citeproc-js input): an array of items, or one item. Each item is cut
 * out of the array by counting braces outside strings and parsed on its own with Jackson, so one malformed item
 * (a missing comma, a bad value) fails alone, named by its id and line, and the items after it are read.
 */
final class CslJsonReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"?([^\",}\\s]+)");

    private CslJsonReader() {}

    static ParsedLibrary read(String source, String text) {
        List<LibraryEntry> entries = new ArrayList<>();
        List<EntryError> failures = new ArrayList<>();
        for (Span span : spans(text)) {
            if (span.error() != null) {
                failures.add(new EntryError(source, null, span.line(), span.error()));
                continue;
            }
            String itemText = text.substring(span.from(), span.to());
            JsonNode item;
            try {
                item = JSON.readTree(itemText);
            } catch (JacksonException e) {
                int at = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
                failures.add(new EntryError(source, idOf(itemText), span.line() + at - 1,
                        "malformed JSON: " + e.getOriginalMessage()));
                continue;
            }
            item(source, span.line(), item, entries, failures);
        }
        return new ParsedLibrary(entries, failures);
    }

    private static void item(String source, int line, JsonNode item, List<LibraryEntry> entries, List<EntryError> failures) {
        String key = item.path("id").isValueNode() ? item.path("id").asText() : null;
        JsonNode title = item.path("title");
        if (!title.isMissingNode() && !title.isNull() && !title.isTextual()) {
            failures.add(new EntryError(source, key, line, "title is not a string: " + title));
            return;
        }
        String arxivId = arxivId(item).orElse(null);
        if (arxivId == null && TitleKey.of(title.asText(null)).isEmpty()) {
            failures.add(new EntryError(source, key, line, "the item has neither an arXiv id nor a title to match"));
            return;
        }
        entries.add(new LibraryEntry(source, key, line, arxivId, text(item, "DOI"), title.asText(null), authors(item),
                year(item)));
    }

    /** Zotero puts arXiv's id in number ("arXiv:2301.01234"), URL, DOI and note ("arXiv:2301.01234 [cs]"). */
    private static Optional<String> arxivId(JsonNode item) {
        boolean fromArxiv = Stream.of("publisher", "archive", "container-title", "source")
                .anyMatch(f -> text(item, f) != null && text(item, f).toLowerCase(Locale.ROOT).contains("arxiv"));
        Optional<String> number = fromArxiv ? ArxivRefs.exact(text(item, "number")) : Optional.empty();
        return number.or(() -> ArxivRefs.fromDoi(text(item, "DOI")))
                .or(() -> Stream.of("number", "URL", "note", "container-title", "archive_location", "id")
                        .map(f -> ArxivRefs.inText(text(item, f))).flatMap(Optional::stream).findFirst());
    }

    private static List<String> authors(JsonNode item) {
        List<String> names = new ArrayList<>();
        for (JsonNode a : item.path("author")) {
            String literal = a.path("literal").asText("");
            String name = literal.isEmpty() ? (a.path("given").asText("") + " " + a.path("family").asText("")).strip() : literal;
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    private static Integer year(JsonNode item) {
        JsonNode issued = item.path("issued");
        JsonNode first = issued.path("date-parts").path(0).path(0);
        if (first.canConvertToInt() || first.isTextual() && first.asText().matches("\\d{4}")) {
            return first.asInt();
        }
        String raw = issued.path("raw").asText(issued.path("literal").asText(""));
        return raw.matches("\\d{4}.*") ? Integer.valueOf(raw.substring(0, 4)) : null;
    }

    private static String text(JsonNode item, String field) {
        JsonNode v = item.path(field);
        return v.isValueNode() && !v.isNull() ? v.asText() : null;
    }

    /** The item's "id" as far as a quick look finds it, to name an item Jackson cannot read. */
    private static String idOf(String itemText) {
        Matcher m = ID.matcher(itemText);
        return m.find() ? m.group(1) : null;
    }

    /** One item's text (from, to) and the line it starts on; or an item that could not be cut out, with why. */
    record Span(int from, int to, int line, String error) {}

    /** The items of a top-level array (or the one top-level object), cut out by counting braces outside strings. */
    static List<Span> spans(String text) {
        List<Span> spans = new ArrayList<>();
        int i = skipSpace(text, 0);
        if (i < text.length() && text.charAt(i) == '{') {
            spans.add(object(text, i, line(text, i)));
            return spans;
        }
        if (i >= text.length() || text.charAt(i) != '[') {
            spans.add(new Span(i, i, line(text, Math.min(i, text.length())), "CSL-JSON must be an array of items"));
            return spans;
        }
        int lineNo = line(text, i);
        int lineAt = i;
        i++;
        while (true) {
            i = skipSpaceAndCommas(text, i);
            if (i >= text.length()) {
                spans.add(new Span(i, i, lineNo + Lines.between(text, lineAt, i), "the array is not closed: a ']' is missing"));
                return spans;
            }
            lineNo += Lines.between(text, lineAt, i);
            lineAt = i;
            char c = text.charAt(i);
            if (c == ']') {
                return spans;
            }
            Span span = c == '{' ? object(text, i, lineNo)
                    : new Span(i, scalarEnd(text, i), lineNo, "an item must be an object, not " + excerpt(text, i));
            spans.add(span);
            if (span.to() >= text.length() && span.error() != null) {
                return spans;
            }
            i = span.to();
        }
    }

    private static Span object(String text, int from, int line) {
        int depth = 0;
        boolean inString = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return new Span(from, i + 1, line, null);
            }
        }
        return new Span(from, text.length(), line, "the item is not closed: a '}' is missing");
    }

    private static int scalarEnd(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) != ',' && text.charAt(i) != ']') {
            i++;
        }
        return i;
    }

    private static String excerpt(String text, int from) {
        String s = text.substring(from, scalarEnd(text, from)).strip();
        return s.length() > 30 ? s.substring(0, 30) + "…" : s;
    }

    private static int skipSpace(String text, int i) {
        while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\uFEFF')) {
            i++;
        }
        return i;
    }

    private static int skipSpaceAndCommas(String text, int i) {
        while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == ',')) {
            i++;
        }
        return i;
    }

    private static int line(String text, int offset) {
        return 1 + Lines.between(text, 0, offset);
    }

}
