package org.paperwire.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The SQLite twin of {@link TestPostgres} for store contract tests: each {@link #emptyStore()} is a new, migrated
 * store in a folder of its own, closed and deleted after the test. Register it with
 * {@code @RegisterExtension final TestSqlite sqlite = new TestSqlite();}.
 */
public final class TestSqlite implements AfterEachCallback {
    private final List<Database> open = new ArrayList<>();
    private final List<Path> folders = new ArrayList<>();

    public synchronized Database emptyStore() {
        try {
            Path dir = Files.createTempDirectory("paperwire-store");
            folders.add(dir);
            Database db = Database.open(dir);
            open.add(db);
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) throws IOException {
        open.forEach(Database::close);
        open.clear();
        for (Path dir : folders) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        folders.clear();
    }
}
