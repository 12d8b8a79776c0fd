package org.paperwire.library.transfer;

import java.util.List;

/** What one file gave: the entries read, in file order, and those that could not be read. */
public record ParsedLibrary(List<LibraryEntry> entries, List<EntryError> failures) {
    public ParsedLibrary {
        entries = List.copyOf(entries);
        failures = List.copyOf(failures);
    }

    /** Every entry the file holds, read or not. */
    public int read() {
        return entries.size() + failures.size();
    }
}
