package org.paperwire.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.web.Secrets;

/**
 * Issue 9, finding 8: the store (subscribers' addresses) with its WAL and shared-memory files, and the instance
 * secret, are readable by their owner only, whatever the umask.
 */
class PrivateFilesTest {
    @TempDir
    Path dir;

    @BeforeEach
    void posixOnly() {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "no POSIX permissions here");
    }

    static String mode(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    @Test
    void aNewStoreAndItsWalAndShmFilesAreOwnerOnly() throws Exception {
        try (Database db = Database.open(dir); Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement()) {
            st.execute("INSERT INTO subscribers (email, status, created_at, link_key) VALUES ('ada@example.org',"
                    + " 'active', 0, 'k')"); // something in the WAL
            for (String name : new String[] {"paperwire.db", "paperwire.db-wal", "paperwire.db-shm"}) {
                assertThat(dir.resolve(name)).as(name).exists();
                assertThat(mode(dir.resolve(name))).as(name).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void aStoreLeftReadableByAnOlderVersionIsMadeOwnerOnlyOnOpen() throws Exception {
        Database.open(dir).close();
        Path store = dir.resolve("paperwire.db");
        Files.setPosixFilePermissions(store, PosixFilePermissions.fromString("rw-r--r--"));
        try (Database db = Database.open(dir)) {
            assertThat(mode(store)).isEqualTo("rw-------");
            assertThat(mode(dir.resolve("paperwire.db-wal"))).isEqualTo("rw-------");
        }
    }

    @Test
    void theGeneratedSecretKeyIsOwnerOnly() throws Exception {
        Secrets.loadOrCreate(dir, "");
        assertThat(mode(dir.resolve("secret.key"))).isEqualTo("rw-------");
    }

    @Test
    void aSecretKeyCopiedInReadableIsMadeOwnerOnlyAndStillRead() throws Exception {
        byte[] first = Secrets.loadOrCreate(dir, "");
        Files.setPosixFilePermissions(dir.resolve("secret.key"), PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(Secrets.loadOrCreate(dir, "")).isEqualTo(first);
        assertThat(mode(dir.resolve("secret.key"))).isEqualTo("rw-------");
    }
}
