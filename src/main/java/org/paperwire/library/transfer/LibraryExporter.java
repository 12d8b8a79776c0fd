package org.paperwire.library.transfer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.paperwire.paper.Paper;
import org.paperwire.paper.PaperStore;

/**
 * Exports a reader's collection (or whole library) as BibTeX or CSL-JSON, in the order the papers were saved. Ids
 * the library keeps for papers the store does not have yet are exported too, with what is known (the id, its URL
 * and DOI), so that an export never loses a saved paper.
 */
public final class LibraryExporter {
    private final PaperStore papers;
    private final LibraryItems library;

    public LibraryExporter(PaperStore papers, LibraryItems library) {
        this.papers = papers;
        this.library = library;
    }

    /**
     * The export text of the reader's {@code collection} (null: every collection).
     *
     * @throws LibraryException naming the reader or collection when there is none
     */
    public String export(String readerEmail, String collection, ExportFormat format) {
        String reader = library.requireReader(readerEmail);
        String name = collection == null || collection.isBlank() ? null : collection.strip();
        List<String> ids = library.list(reader, name).orElseThrow(() -> new LibraryException(
                reader + " has no collection '" + name + "'"));
        Map<String, Paper> found = new HashMap<>();
        papers.findAll(ids).forEach(p -> found.put(p.id(), p));
        List<String> distinct = ids.stream().distinct().toList();
        return switch (format) {
            case BIBTEX -> BibtexWriter.write(distinct, found);
            case CSL_JSON -> CslJsonWriter.write(distinct, found);
        };
    }
}
