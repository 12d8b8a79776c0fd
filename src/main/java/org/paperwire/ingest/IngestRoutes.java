package org.paperwire.ingest;

import io.javalin.config.JavalinConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paperwire.paper.PaperStore;
import org.paperwire.web.Routes;

/** {@code /api/v1/ingest/status}: each harvest source's last success, last error, next attempt and counts. */
public final class IngestRoutes implements Routes {
    private final HarvestService harvests;
    private final PaperStore papers;

    public IngestRoutes(HarvestService harvests, PaperStore papers) {
        this.harvests = harvests;
        this.papers = papers;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/api/v1/ingest/status", ctx -> ctx.json(Map.of(
                "papers", papers.count(),
                "sources", views(harvests.statuses()))));
    }

    static Map<String, Object> view(SourceStatus s) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("source", s.source());
        v.put("checkpoint", s.checkpoint());
        v.put("last_attempt", s.lastAttempt());
        v.put("last_success", s.lastSuccess());
        v.put("last_error", s.lastError() == null ? null : Map.of("at", s.lastErrorAt(), "message", s.lastError()));
        v.put("next_attempt", s.nextAttempt());
        v.put("consecutive_failures", s.consecutiveFailures());
        v.put("last_run", counts(s.lastRun()));
        v.put("total", counts(s.total()));
        return v;
    }

    private static Map<String, Object> counts(SourceStatus.Counts c) {
        return Map.of("seen", c.seen(), "new", c.created(), "updated", c.updated());
    }

    static List<Map<String, Object>> views(List<SourceStatus> statuses) {
        return statuses.stream().map(IngestRoutes::view).toList();
    }
}
