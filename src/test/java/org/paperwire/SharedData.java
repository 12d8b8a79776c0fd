package org.paperwire;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates {@code ../shared/data} for tests on the real public data sets. Where it is missing the test is
 * skipped with a visible notice; in CI ({@code PAPERWIRE_REQUIRE_SHARED_DATA=true}, set by {@code .ci/run})
 * a missing folder fails the test instead.
 */
public final class SharedData {
    private SharedData() {}

    /** The shared data folder, or a skipped (locally) / failed (CI) test when it is absent. */
    public static Path root() {
        Path root = Path.of(System.getProperty("paperwire.shared.data", "../shared/data")).toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            String notice = "shared data not found at " + root + ": test skipped (CI requires it)";
            if ("true".equals(System.getenv("PAPERWIRE_REQUIRE_SHARED_DATA"))) {
                fail(notice.replace("test skipped (CI requires it)", "CI requires it"));
            }
            System.err.println("NOTICE: " + notice);
            assumeTrue(false, notice);
        }
        return root;
    }

    /** A path inside the shared data folder, with the same skip-or-fail rule when it is absent. */
    public static Path path(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) {
            fail("shared data is incomplete: " + p + " is missing");
        }
        return p;
    }
}
