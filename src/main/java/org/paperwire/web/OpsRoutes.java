package org.paperwire.web;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import org.paperwire.paper.PaperStore;

/** The operator's endpoints: a health check for the orchestrator and metrics for Prometheus. */
public final class OpsRoutes {
    private OpsRoutes() {}

    /** {@code /healthz}: answers 200 while the store can be read. */
    public static Routes health(PaperStore papers) {
        return config -> config.routes.get("/healthz",
                ctx -> ctx.json(Map.of("status", "ok", "papers", papers.count())));
    }

    /** {@code /metrics} in the Prometheus text format. */
    public static Routes metrics(PrometheusMeterRegistry registry) {
        return config -> config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(registry.scrape()));
    }
}
