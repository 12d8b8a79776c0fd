package org.paperwire.library.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a plain list of arXiv papers, one a line: an id ({@code 2301.01234}, {@code arXiv:2301.01234v2},
 * {@code hep-th/9901001}), an arxiv.org abs, pdf or html URL, or arXiv's DOI. Blank lines and lines starting
 * with {@code #} are skipped, as is a comment after {@code " #"} on a line.
 */
final class IdListReader {
    private IdListReader() {}

    static ParsedLibrary read(String source, String text) {
        List<LibraryEntry> entries = new ArrayList<>();
        List<EntryError> failures = new ArrayList<>();
        int lineNo = 0;
        for (String raw : text.lines().toList()) {
            lineNo++;
            String line = withoutComment(raw.replace("\uFEFF", "")).strip();
            if (line.isEmpty()) {
                continue;
            }
            Optional<String> id = ArxivRefs.exact(line);
            if (id.isPresent()) {
                entries.add(new LibraryEntry(source, line, lineNo, id.get(), null, null, List.of(), null));
            } else {
                failures.add(new EntryError(source, line.length() > 60 ? line.substring(0, 60) + "…" : line, lineNo,
                        "not an arXiv id or arxiv.org URL (expected e.g. 2301.01234, arXiv:2301.01234v2,"
                                + " https://arxiv.org/abs/2301.01234)"));
            }
        }
        return new ParsedLibrary(entries, failures);
    }

    private static String withoutComment(String line) {
        if (line.stripLeading().startsWith("#")) {
            return "";
        }
        int hash = line.indexOf(" #");
        return hash < 0 ? line : line.substring(0, hash);
    }
}
