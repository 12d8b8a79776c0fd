package org.paperwire.library.transfer;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.BibTeXString;
import org.jbibtex.Key;
import org.jbibtex.LaTeXParser;
import org.jbibtex.LaTeXPrinter;
import org.jbibtex.ParseException;
import org.jbibtex.TokenMgrException;
import org.paperwire.paper.TitleKey;

/**
 * Reads BibTeX and BibLaTeX (Zotero, JabRef, Mendeley, Google Scholar, arXiv's own export) with jbibtex.
 *
 * <p>jbibtex's own recovery ({@code parseFully}) keeps later entries but names neither the broken entry's key nor
 * its line, and an unclosed brace can swallow the entries after it. So the file is cut into entries first, at
 * each line that starts with {@code @type{} (where every export tool starts its entries), each entry's end found
 * by counting braces, and each entry parsed on its own: a malformed one fails alone, named by key and line, and
 * text between entries is a comment, as in BibTeX. {@code @string} macros apply to the entries after them.
 */
final class BibtexReader {
    private static final Pattern ENTRY_START = Pattern.compile("^[ \\t]*@[ \\t]*([A-Za-z]+)[ \\t]*([{(])", Pattern.MULTILINE);
    private static final Pattern KEY = Pattern.compile("\\G\\s*([^,\\s{}()\"=#]+)\\s*,");
    private static final Pattern AND = Pattern.compile("\\s+and\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern YEAR = Pattern.compile("\\b(\\d{4})\\b");
    /** Fields where exports mention an arXiv id or URL in passing. */
    private static final List<String> TEXT_FIELDS = List.of("url", "howpublished", "note", "journal", "journaltitle",
            "booktitle", "number", "addendum", "annote", "eprint", "pages", "publisher");

    private BibtexReader() {}

    static ParsedLibrary read(String source, String text) {
        List<LibraryEntry> entries = new ArrayList<>();
        List<EntryError> failures = new ArrayList<>();
        List<BibTeXString> macros = new ArrayList<>();
        Matcher m = ENTRY_START.matcher(text);
        List<int[]> starts = new ArrayList<>(); // offset of '@' line, offset of the opener
        while (m.find()) {
            starts.add(new int[] {m.start(), m.start(2)});
        }
        int line = 1;
        int counted = 0;
        for (int i = 0; i < starts.size(); i++) {
            int start = starts.get(i)[0];
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : text.length();
            line += Lines.between(text, counted, start);
            counted = start;
            String type = m.reset().find(start) ? m.group(1).toLowerCase(Locale.ROOT) : "";
            if (type.equals("comment") || type.equals("preamble")) {
                continue;
            }
            Chunk chunk = new Chunk(source, text.substring(start, end), starts.get(i)[1] - start, line);
            chunk.parse(macros, entries, failures);
        }
        return new ParsedLibrary(entries, failures);
    }


    /** The text from one entry's {@code @} to the next entry's. */
    private record Chunk(String source, String text, int opener, int line) {
        /** Adds the entry to {@code entries} or its failure to {@code failures}; a {@code @string} to {@code macros}. */
        void parse(List<BibTeXString> macros, List<LibraryEntry> entries, List<EntryError> failures) {
            Matcher k = KEY.matcher(text);
            String key = k.find(opener + 1) ? k.group(1) : excerpt();
            int close = closing();
            if (close < 0) {
                failures.add(fail(key, line, "the entry is not closed: a '" + (text.charAt(opener) == '(' ? ')' : '}')
                        + "' is missing (the entries after it are read)"));
                return;
            }
            // jbibtex reads @type{...} only: @type(...) is the same entry with other delimiters
            String entryText = text.substring(0, opener) + "{" + text.substring(opener + 1, close) + "}";
            BibTeXParser parser = lenientParser();
            macros.forEach(parser::addMacro);
            BibTeXDatabase db;
            try {
                db = parser.parse(new StringReader(entryText));
            } catch (ParseException e) {
                int at = e.currentToken != null && e.currentToken.next != null ? e.currentToken.next.beginLine : 1;
                failures.add(fail(key, line + at - 1, describe(e.getMessage())));
                return;
            } catch (TokenMgrException e) {
                failures.add(fail(key, line, describe(e.getMessage())));
                return;
            }
            macros.addAll(db.getStrings().values());
            for (BibTeXEntry e : db.getEntries().values()) {
                String read = e.getKey().getValue();
                LibraryEntry entry = entry(e);
                if (entry == null) {
                    failures.add(fail(read, line, "the entry has neither an arXiv id nor a title to match"));
                } else {
                    entries.add(entry);
                }
            }
        }

        /** The entry, or null when it has nothing to match on. */
        private LibraryEntry entry(BibTeXEntry e) {
            Map<String, String> fields = new LinkedHashMap<>();
            e.getFields().forEach((name, value) -> fields.put(name.getValue().toLowerCase(Locale.ROOT), value.toUserString()));
            String key = e.getKey().getValue();
            String title = fields.get("title");
            String arxivId = arxivId(fields).orElse(null);
            if (arxivId == null && TitleKey.of(title).isEmpty()) {
                return null;
            }
            return new LibraryEntry(source, key, line, arxivId, fields.get("doi"), title == null ? null : title.strip(),
                    authors(fields.get("author")), year(fields));
        }

        /** The offset of the bracket that closes the entry, or -1 when it is not closed before the next entry. */
        private int closing() {
            boolean parens = text.charAt(opener) == '(';
            int braces = parens ? 0 : 1;
            for (int i = opener + 1; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '{') {
                    braces++;
                } else if (c == '}') {
                    braces--;
                    if (!parens && braces == 0) {
                        return i;
                    }
                } else if (c == ')' && parens && braces == 0) {
                    return i;
                }
            }
            return -1;
        }

        private String excerpt() {
            String first = text.lines().findFirst().orElse("").strip();
            return first.length() > 40 ? first.substring(0, 40) + "…" : first;
        }

        private EntryError fail(String key, int at, String message) {
            return new EntryError(source, key, at, message);
        }
    }

    /** A parser that keeps an undefined macro ({@code journal = jmlr}) as its name instead of failing the entry. */
    private static BibTeXParser lenientParser() {
        try {
            return new BibTeXParser() {
                @Override
                public void checkStringResolution(Key key, BibTeXString string) {
                }

                @Override
                public void checkCrossReferenceResolution(Key key, BibTeXEntry entry) {
                }
            };
        } catch (ParseException e) {
            throw new IllegalStateException("jbibtex cannot start", e);
        }
    }

    /** jbibtex's first line, without the grammar dump: {@code unexpected "=" at line 3, column 3}. */
    private static String describe(String message) {
        String first = message == null ? "cannot be read" : message.lines().findFirst().orElse("").strip();
        first = first.replace("Encountered unexpected token:", "unexpected").replaceAll("\\s+", " ");
        return "malformed BibTeX: " + first;
    }

    static Optional<String> arxivId(Map<String, String> fields) {
        String prefix = Stream.of("archiveprefix", "eprinttype").map(fields::get).filter(v -> v != null).findFirst()
                .orElse("arxiv");
        Optional<String> eprint = prefix.strip().equalsIgnoreCase("arxiv")
                ? ArxivRefs.exact(fields.get("eprint")) : Optional.empty();
        return eprint.or(() -> ArxivRefs.exact(fields.get("arxivid")))
                .or(() -> ArxivRefs.exact(fields.get("arxiv")))
                .or(() -> ArxivRefs.fromDoi(fields.get("doi")))
                .or(() -> TEXT_FIELDS.stream().map(f -> ArxivRefs.inText(fields.get(f))).flatMap(Optional::stream).findFirst());
    }

    /** "Last, First and First Last and {Org Name}" as display names "First Last". */
    static List<String> authors(String field) {
        if (field == null || field.isBlank()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String raw : splitTopLevel(field.strip())) {
            String name = plainText(raw);
            int comma = name.indexOf(',');
            if (comma > 0) { // "Last, First" or "Last, Jr., First"
                String[] parts = name.split("\\s*,\\s*");
                name = parts.length == 3 ? parts[2] + " " + parts[0] + " " + parts[1] : parts[parts.length - 1] + " " + parts[0];
            }
            if (!name.isBlank() && !name.equalsIgnoreCase("others")) {
                names.add(name.strip());
            }
        }
        return names;
    }

    /** Splits on " and " outside braces. */
    private static List<String> splitTopLevel(String field) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        Matcher and = AND.matcher(field);
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (depth == 0 && Character.isWhitespace(c) && and.find(i) && and.start() == i) {
                parts.add(field.substring(from, i));
                from = and.end();
                i = and.end() - 1;
            }
        }
        parts.add(field.substring(from));
        return parts;
    }

    private static Integer year(Map<String, String> fields) {
        for (String f : List.of("year", "date")) {
            Matcher m = YEAR.matcher(fields.getOrDefault(f, ""));
            if (m.find()) {
                return Integer.valueOf(m.group(1));
            }
        }
        return null;
    }

    /** TeX as readable text ({@code G\"odel} → Gödel); with the braces simply dropped when jbibtex cannot read it. */
    static String plainText(String tex) {
        try {
            return new LaTeXPrinter().print(new LaTeXParser().parse(tex)).strip().replaceAll("\\s+", " ");
        } catch (ParseException | TokenMgrException e) {
            return tex.replace("{", "").replace("}", "").strip().replaceAll("\\s+", " ");
        }
    }
}
