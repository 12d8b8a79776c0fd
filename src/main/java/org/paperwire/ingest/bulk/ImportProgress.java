package org.paperwire.ingest.bulk;

/** Hears how far an import has come, e.g. to draw a progress bar. Called from the importing thread. */
@FunctionalInterface
public interface ImportProgress {
    /** Nobody listening. */
    ImportProgress NONE = (bytesRead, recordsRead) -> {};

    /**
     * @param bytesRead bytes of the files read so far, as stored on disk (compressed for {@code .gz})
     * @param recordsRead records read and stored so far
     */
    void update(long bytesRead, long recordsRead);
}
