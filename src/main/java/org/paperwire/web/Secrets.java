package org.paperwire.web;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.paperwire.db.Jdbc;
import org.paperwire.db.StoreKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.paperwire.db.PrivateFiles;

/**
 * The instance secret: the configured one, else one generated once: into {@code DATA_DIR/secret.key} for the
 * embedded SQLite store, into the shared store ({@code instance_settings}) for PostgreSQL, so that every node of
 * one store signs and checks links, cookies and CSRF tokens with the same key.
 */
public final class Secrets {
    /** The row of {@code instance_settings} holding a generated secret. */
    public static final String SETTING = "web.secret";

    private Secrets() {}

    /** The configured secret, else the one generated for this store ({@code kind} says where it is kept). */
    public static byte[] loadOrCreate(Path dataDir, String configured, StoreKind kind, DataSource store) {
        if (!configured.isBlank() || kind == StoreKind.SQLITE) {
            return loadOrCreate(dataDir, configured);
        }
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        String hex = Jdbc.inTransaction(store, "keep the instance secret in the store", c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO instance_settings (name, value)"
                    + " VALUES (?, ?) ON CONFLICT (name) DO NOTHING")) {
                insert.setString(1, SETTING);
                insert.setString(2, HexFormat.of().formatHex(fresh));
                insert.executeUpdate(); // of two nodes starting at once, the first one's secret wins
            }
            try (PreparedStatement read = c.prepareStatement("SELECT value FROM instance_settings WHERE name = ?")) {
                read.setString(1, SETTING);
                try (ResultSet rs = read.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
        return HexFormat.of().parseHex(hex.strip());
    }

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
