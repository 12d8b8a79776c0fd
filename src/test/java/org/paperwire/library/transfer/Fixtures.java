package org.paperwire.library.transfer;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The export files under src/test/resources/library. */
final class Fixtures {
    private Fixtures() {}

    static Path file(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/library/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing fixture " + name, e);
        }
    }
}
