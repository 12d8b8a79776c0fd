package org.paperwire.library.transfer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import did. {@code read = matched + unmatched + failed}. {@code matched} counts every entry that names a
 * paper, found in the store or by its arXiv id; {@code kept} is the part of {@code matched} whose paper is not in
 * the store yet (saved by id, shown once a harvest or import brings it). {@code unmatched}: no arXiv id and no
 * paper with that title. {@code failed}: malformed entries, each in {@code errors} with file, key and line.
 *
 * @param saved distinct paper ids handed to the library
 * @param unmatchedEntries the unmatched entries, so the reader can look for them
 */
public record ImportReport(int read, int matched, int kept, int unmatched, int failed, int saved,
        List<EntryError> errors, List<EntryError> unmatchedEntries) {
    public ImportReport {
        errors = List.copyOf(errors);
        unmatchedEntries = List.copyOf(unmatchedEntries);
    }

    /** The JSON object {@code library import --json} prints; tools read its keys. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("read", read);
        m.put("matched", matched);
        m.put("unmatched", unmatched);
        m.put("failed", failed);
        m.put("errors", errors.stream().map(ImportReport::asMap).toList());
        m.put("kept", kept);
        m.put("saved", saved);
        m.put("unmatched_entries", unmatchedEntries.stream().map(ImportReport::asMap).toList());
        return m;
    }

    private static Map<String, Object> asMap(EntryError e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", e.file());
        m.put("key", e.key());
        m.put("line", e.line());
        m.put("message", e.message());
        return m;
    }
}
