package org.paperwire.web;

import io.javalin.config.JavalinConfig;
import java.util.Map;
import org.paperwire.paper.PaperStore;

/** {@code /healthz}: answers 200 while the store can be read. */
public final class HealthRoutes implements Routes {
    private final PaperStore papers;

    public HealthRoutes(PaperStore papers) {
        this.papers = papers;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/healthz", ctx -> ctx.json(Map.of("status", "ok", "papers", papers.count())));
    }
}
