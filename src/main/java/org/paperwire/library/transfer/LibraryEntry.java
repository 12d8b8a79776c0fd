package org.paperwire.library.transfer;

import java.util.List;

/**
 * One reference read from a reader's export, as much of it as matching needs.
 *
 * @param source the file it came from (as the user named it)
 * @param key the entry's citation key (BibTeX), id (CSL-JSON) or the line's text (id list)
 * @param line the line the entry starts on, from 1
 * @param arxivId the arXiv id without version, null when the entry names none
 * @param doi the DOI as written, null when absent
 * @param title the title as written (TeX and all), null when absent
 * @param authors display names, possibly empty
 * @param year the year of publication, null when absent
 */
public record LibraryEntry(String source, String key, int line, String arxivId, String doi, String title,
        List<String> authors, Integer year) {
    public LibraryEntry {
        authors = List.copyOf(authors);
    }
}
