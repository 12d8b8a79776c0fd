package org.paperwire.config;

import org.paperwire.app.Paperwire;

/** Loads a configuration for tests with the ids this build knows, as the command line does. */
public final class TestConfigs {
    private TestConfigs() {}

    public static PaperwireConfig from(ConfigSources sources) {
        return PaperwireConfig.from(sources, Paperwire.knownIds());
    }
}
