package org.paperwire.library.transfer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.paperwire.paper.PaperStore;

/**
 * Imports reference-manager exports into a reader's collection: reads every file (a bad file stops the import
 * before anything is saved), matches the entries ({@link EntryMatcher}), and saves the matched and kept ids in one
 * call. Used by {@code paperwire library import} and meant for the web upload too.
 */
public final class LibraryImporter {
    /** At most this many errors and unmatched entries are listed; the counts are always complete. */
    static final int MAX_LISTED = 200;

    private final EntryMatcher matcher;
    private final LibraryItems library;

    public LibraryImporter(PaperStore papers, LibraryItems library) {
        this.matcher = new EntryMatcher(papers);
        this.library = library;
    }

    /**
     * Imports {@code files} into the reader's {@code collection} (null: {@link LibraryItems#DEFAULT_COLLECTION}).
     *
     * @throws LibraryException when the reader is unknown
     * @throws LibraryFileException naming a file that cannot be read at all; nothing is saved then
     */
    public ImportReport importFiles(String readerEmail, String collection, List<Path> files) {
        String reader = library.requireReader(readerEmail);
        List<ParsedLibrary> parsed = files.stream().map(LibraryFiles::read).toList();
        return save(reader, collection, parsed);
    }

    /** Imports entries already parsed (e.g. an upload read with {@link LibraryFiles#parse}). */
    public ImportReport importParsed(String readerEmail, String collection, List<ParsedLibrary> parsed) {
        return save(library.requireReader(readerEmail), collection, parsed);
    }

    private ImportReport save(String reader, String collection, List<ParsedLibrary> parsed) {
        String target = collection == null || collection.isBlank() ? LibraryItems.DEFAULT_COLLECTION : collection.strip();
        List<LibraryEntry> entries = new ArrayList<>();
        List<EntryError> errors = new ArrayList<>();
        int read = 0;
        for (ParsedLibrary p : parsed) {
            entries.addAll(p.entries());
            errors.addAll(p.failures());
            read += p.read();
        }
        Set<String> ids = new LinkedHashSet<>();
        int matched = 0;
        int kept = 0;
        List<EntryError> unmatched = new ArrayList<>();
        for (EntryMatcher.Match m : matcher.match(entries)) {
            switch (m.outcome()) {
                case MATCHED -> matched++;
                case KEPT -> kept++;
                case UNMATCHED -> unmatched.add(new EntryError(m.entry().source(), m.entry().key(), m.entry().line(), m.note()));
            }
            if (m.paperId() != null) {
                ids.add(m.paperId());
            }
        }
        if (!ids.isEmpty()) {
            library.addAll(reader, target, List.copyOf(ids));
        }
        return new ImportReport(read, matched + kept, kept, unmatched.size(), errors.size(), ids.size(),
                first(errors), first(unmatched));
    }

    private static List<EntryError> first(List<EntryError> all) {
        return all.size() > MAX_LISTED ? all.subList(0, MAX_LISTED) : all;
    }
}
