package org.paperwire.web;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.core.metrics.Info;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.paperwire.paper.PaperStore;

/** The operator's endpoints: a health check for the orchestrator and metrics for Prometheus. */
public final class OpsRoutes {
    private OpsRoutes() {}

    /**
     * {@code /healthz}: answers 200 while the store can be read, with the number of papers and what
     * {@link NodeStatus} tells of this node: {@code store}, {@code node}, {@code index_lag} and {@code leases}.
     */
    public static Routes health(PaperStore papers, Supplier<NodeStatus> node) {
        return config -> config.routes.get("/healthz", ctx -> {
            NodeStatus n = node.get();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", "ok");
            body.put("papers", papers.count());
            body.put("store", n.store().label());
            body.put("node", n.node());
            body.put("index_lag", n.indexLag());
            body.put("leases", n.leases().stream()
                    .map(l -> Map.of("name", l.name(), "expires_at", l.expiresAt().toString())).toList());
            ctx.json(body);
        });
    }

    /**
     * This node's gauges: {@code paperwire_store_info{kind, node}} (always 1), {@code paperwire_index_lag_changes}
     * and {@code paperwire_leases_held}.
     */
    public static void registerNodeGauges(PrometheusMeterRegistry registry, Supplier<NodeStatus> node) {
        NodeStatus first = node.get();
        // an info metric of Prometheus' own: Micrometer would drop the reserved _info suffix of a gauge
        Info.builder().name("paperwire_store_info").help("the store this node uses, and the node's name")
                .labelNames("kind", "node").register(registry.getPrometheusRegistry())
                .addLabelValues(first.store().label(), first.node());
        Gauge.builder("paperwire_index_lag_changes", () -> node.get().indexLag())
                .description("changes in the store this node's search index has not taken in yet").register(registry);
        Gauge.builder("paperwire_leases_held", () -> node.get().leases().size())
                .description("leases this node holds (harvest upstreams, digest batches)").register(registry);
    }

    /** {@code /metrics} in the Prometheus text format. */
    public static Routes metrics(PrometheusMeterRegistry registry) {
        return config -> config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(registry.scrape()));
    }
}
