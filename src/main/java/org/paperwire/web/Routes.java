package org.paperwire.web;

import io.javalin.config.JavalinConfig;

/** A feature's HTTP routes; each feature package contributes one and {@link WebServer} mounts them all. */
@FunctionalInterface
public interface Routes {
    void register(JavalinConfig config);
}
