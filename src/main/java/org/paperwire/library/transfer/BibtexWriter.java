package org.paperwire.library.transfer;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.paperwire.paper.Paper;

/**
 * Writes papers as BibTeX in the shape arXiv's own "Export BibTeX citation" gives ({@code @misc} with eprint,
 * archivePrefix, primaryClass, url) plus arXiv's DOI, which BibLaTeX, Zotero and JabRef all read back. Titles keep
 * arXiv's TeX; characters TeX reads as commands outside math ({@code & % # _}) are escaped, and a value with
 * unbalanced braces or dollars has them written as {@code \textbraceleft{}} and {@code \$} so that the entry
 * stays readable.
 */
final class BibtexWriter {
    private static final Pattern AND_WORD = Pattern.compile("(?i)\\band\\b");

    private BibtexWriter() {}

    /** The entries of {@code ids} in order; an id {@code papers} lacks gets an entry of its arXiv fields alone. */
    static String write(List<String> ids, Map<String, Paper> papers) {
        StringBuilder out = new StringBuilder();
        CitationKeys keys = new CitationKeys();
        for (String id : ids) {
            Paper p = papers.get(id);
            if (p == null) { // kept in the library, not in the store yet: the id is all there is
                out.append("@misc{").append(keys.forId(id)).append(",\n");
                idFields(out, id, null);
                out.append("}\n\n");
                continue;
            }
            out.append("@misc{").append(keys.next(p)).append(",\n");
            field(out, "title", escape(p.title()));
            if (!p.authors().isEmpty()) {
                field(out, "author", String.join(" and ", p.authors().stream().map(BibtexWriter::name).toList()));
            }
            if (p.date() != null) {
                field(out, "year", String.valueOf(p.date().getYear()));
            }
            idFields(out, p.id(), p.categories().isEmpty() ? null : p.categories().getFirst());
            out.append("}\n\n");
        }
        return out.toString();
    }

    private static void idFields(StringBuilder out, String id, String primaryClass) {
        field(out, "eprint", id);
        field(out, "archivePrefix", "arXiv");
        if (primaryClass != null) {
            field(out, "primaryClass", primaryClass);
        }
        field(out, "url", "https://arxiv.org/abs/" + id);
        field(out, "doi", ArxivRefs.doiOf(id));
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append("  ").append(name).append(" = {").append(value).append("},\n");
    }

    /** A name as BibTeX reads it; one with a literal "and" (a collaboration) is braced so that it stays one name. */
    private static String name(String author) {
        String escaped = escape(author);
        return AND_WORD.matcher(author).find() ? "{" + escaped + "}" : escaped;
    }

    /** TeX stays TeX; what would break the entry or the document is escaped. */
    static String escape(String text) {
        boolean dollarsBalanced = count(text, '$') % 2 == 0;
        boolean bracesBalanced = bracesBalanced(text);
        StringBuilder out = new StringBuilder(text.length() + 8);
        boolean math = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean escaped = i > 0 && text.charAt(i - 1) == '\\';
            if (escaped) {
                out.append(c);
                continue;
            }
            if (c == '$') {
                if (dollarsBalanced) {
                    math = !math;
                } else {
                    out.append('\\');
                }
            } else if ((c == '{' || c == '}') && !bracesBalanced) {
                // BibTeX counts escaped braces too, so a lone one can only be written as a command
                out.append(c == '{' ? "\\textbraceleft{}" : "\\textbraceright{}");
                continue;
            } else if (c == '&' || c == '%' || c == '#' || c == '_' && !math) {
                out.append('\\');
            } else if (c == '\n' || c == '\r') {
                c = ' ';
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean bracesBalanced(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (i > 0 && text.charAt(i - 1) == '\\') {
                continue;
            }
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    private static int count(String text, char c) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c && (i == 0 || text.charAt(i - 1) != '\\')) {
                n++;
            }
        }
        return n;
    }
}
