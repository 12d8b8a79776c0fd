package org.paperwire.db;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files of the data folder that only their owner may read (mode 0600): the store, which holds subscribers'
 * addresses, and the instance secret. Where the file system has no POSIX permissions this does nothing.
 */
public final class PrivateFiles {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {}

    private static boolean posix(Path file) {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Attributes that create a file as 0600 from its first byte (for {@code Files.createFile} and friends). */
    public static FileAttribute<?>[] ownerOnly() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
    }

    /** Creates {@code file} empty and 0600 unless it exists; an existing one is made 0600. */
    public static void create(Path file) throws IOException {
        try {
            Files.createFile(file, ownerOnly());
        } catch (FileAlreadyExistsException e) {
            restrict(file);
        }
    }

    /** Makes {@code file} 0600 if it exists and is not already (files of older versions were 0644). */
    public static void restrict(Path file) throws IOException {
        if (posix(file) && Files.exists(file) && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }
}
