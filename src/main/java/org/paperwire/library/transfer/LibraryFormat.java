package org.paperwire.library.transfer;

import java.util.Locale;
import java.util.regex.Pattern;

/** The kinds of file a library import reads, told apart by their content (and, for an empty file, the extension). */
public enum LibraryFormat {
    /** BibTeX or BibLaTeX: Zotero, JabRef, Mendeley, Google Scholar, arXiv. */
    BIBTEX,
    /** CSL-JSON, as Zotero exports it. */
    CSL_JSON,
    /** One arXiv id or URL a line. */
    ID_LIST;

    private static final Pattern BIBTEX_ENTRY = Pattern.compile("^[ \\t]*@[ \\t]*[A-Za-z]+[ \\t]*[{(]", Pattern.MULTILINE);

    /**
     * JSON starts with {@code [} or <code>{</code>; BibTeX has a line starting with {@code @type{}; anything else is
     * read as an id list. A file with none of these (empty, or comments only) goes by its extension.
     */
    public static LibraryFormat sniff(String fileName, String text) {
        String body = text.replace("\uFEFF", "").stripLeading();
        if (body.startsWith("[") || body.startsWith("{")) {
            return CSL_JSON;
        }
        if (BIBTEX_ENTRY.matcher(body).find()) {
            return BIBTEX;
        }
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".bib") || name.endsWith(".bibtex")) {
            return BIBTEX;
        }
        return name.endsWith(".json") ? CSL_JSON : ID_LIST;
    }

    ParsedLibrary read(String source, String text) {
        return switch (this) {
            case BIBTEX -> BibtexReader.read(source, text);
            case CSL_JSON -> CslJsonReader.read(source, text);
            case ID_LIST -> IdListReader.read(source, text);
        };
    }
}
