package org.paperwire.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keeps the README's configuration reference true: every key is documented with its environment variable. */
class ReadmeTest {
    @Test
    void theConfigurationReferenceListsEveryKeyWithItsEnvironmentVariable() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        for (ConfigKey key : ConfigKey.values()) {
            assertThat(readme).as("README row for " + key.key())
                    .contains("| `" + key.key() + "` | `" + key.envName() + "` |");
        }
    }
}
