package org.paperwire.digest;

import org.paperwire.config.ConfigSources;

/** The {@link DigestNodesContract} on SQLite: nodes are processes (or `digest run`s) on one machine. */
class SqliteDigestNodesTest extends DigestNodesContract {
    @Override
    protected ConfigSources store(ConfigSources sources) {
        return sources;
    }
}
