package org.paperwire.library.transfer;

/**
 * An entry that could not be read (malformed) or saved, named so that the reader can find it in the file.
 *
 * @param file the file, as the user named it
 * @param key the entry's key, or a short excerpt of it when it has none
 * @param line the line the entry starts on (or where the problem is), from 1
 */
public record EntryError(String file, String key, int line, String message) {
    @Override
    public String toString() {
        return file + " line " + line + (key == null ? "" : " (" + key + ")") + ": " + message;
    }
}
