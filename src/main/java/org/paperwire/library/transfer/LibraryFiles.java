package org.paperwire.library.transfer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads one export file: UTF-8 text, its format sniffed, parsed into entries. */
public final class LibraryFiles {
    /** Reference libraries are a few MB; a larger file is most likely the wrong one. */
    static final long MAX_BYTES = 64L << 20;

    private LibraryFiles() {}

    /**
     * The entries of {@code file}.
     *
     * @throws LibraryFileException naming the file when it is missing, unreadable, too large, not UTF-8 text, or a
     *     text without a single BibTeX entry, CSL-JSON item or arXiv id
     */
    public static ParsedLibrary read(Path file) {
        String name = file.toString();
        String text = text(file, name);
        return parse(name, text);
    }

    /** The entries of {@code text}, named {@code name} in errors (also for uploads). */
    public static ParsedLibrary parse(String name, String text) {
        LibraryFormat format = LibraryFormat.sniff(name, text);
        ParsedLibrary parsed = format.read(name, text);
        if (format == LibraryFormat.ID_LIST && parsed.entries().isEmpty() && !parsed.failures().isEmpty()) {
            throw new LibraryFileException(name + " is not a BibTeX or CSL-JSON export or a list of arXiv ids (line "
                    + parsed.failures().getFirst().line() + ": '" + parsed.failures().getFirst().key() + "')");
        }
        return parsed;
    }

    private static String text(Path file, String name) {
        try {
            if (Files.isDirectory(file)) {
                throw new LibraryFileException(name + " is a folder, not a file");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new LibraryFileException(name + " is " + (size >> 20) + " MiB; a library export over "
                        + (MAX_BYTES >> 20) + " MiB is not read");
            }
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new LibraryFileException("no such file: " + name);
        } catch (AccessDeniedException e) {
            throw new LibraryFileException("cannot read " + name + ": permission denied");
        } catch (CharacterCodingException e) {
            throw new LibraryFileException(name + " is not UTF-8 text; export it as UTF-8 (Zotero, JabRef and Mendeley can)");
        } catch (IOException e) {
            throw new LibraryFileException("cannot read " + name + ": " + e.getMessage());
        }
    }
}
