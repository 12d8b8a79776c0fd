package org.paperwire.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.paperwire.db.PrivateFiles;

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
                // written to a private temporary file, then linked into place in one step: nobody ever sees a
                // readable or half-written key, and of two instances starting at once the first one wins
                Path tmp = Files.createTempFile(dataDir, "secret", ".tmp", PrivateFiles.ownerOnly());
                Files.writeString(tmp, HexFormat.of().formatHex(bytes));
                try {
                    Files.createLink(file, tmp); // atomic, and never replaces a key another instance made first
                } catch (FileAlreadyExistsException e) {
                    // that instance's key wins; read it below
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
            PrivateFiles.restrict(file); // a key copied in by hand, or made by an older version
            return HexFormat.of().parseHex(Files.readString(file).strip());
        } catch (IOException | IllegalArgumentException e) {
            throw new UncheckedIOException(new IOException("cannot read or create the secret " + file
                    + " (" + e.getMessage() + "); fix its permissions, or set web.secret", e));
        }
    }
}
