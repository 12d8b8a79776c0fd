package org.paperwire.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/** The instance secret: the configured one, else one generated once into {@code DATA_DIR/secret.key}. */
public final class Secrets {
    private Secrets() {}

    public static byte[] loadOrCreate(Path dataDir, String configured) {
        if (!configured.isBlank()) {
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        Path file = dataDir.resolve("secret.key");
        try {
            if (!Files.exists(file)) {
                byte[] bytes = new byte[32];
                new SecureRandom().nextBytes(bytes);
                Files.createDirectories(dataDir);
                Files.writeString(file, HexFormat.of().formatHex(bytes), StandardOpenOption.CREATE_NEW);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the folder's own permissions protect it
                }
            }
            return HexFormat.of().parseHex(Files.readString(file).strip());
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return loadOrCreate(dataDir, configured); // another instance created it first
        } catch (IOException | IllegalArgumentException e) {
            throw new UncheckedIOException(new IOException("cannot read or create the secret " + file
                    + " (" + e.getMessage() + "); fix its permissions, or set web.secret", e));
        }
    }
}
