package org.paperwire.ingest;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.InstantSource;
import java.util.Map;
import java.util.function.LongSupplier;
import org.paperwire.paper.PaperStore;
import org.paperwire.web.PageContext;
import org.paperwire.web.Routes;
import org.paperwire.web.Templates;

/** The sources page and {@code /api/v1/sources}: last success, lag, errors, counts and the embedding backlog. */
public final class SourcesRoutes implements Routes {
    private final HarvestService harvests;
    private final PaperStore papers;
    private final LongSupplier embeddingBacklog;
    private final Templates templates;
    private final InstantSource clock;

    public SourcesRoutes(HarvestService harvests, PaperStore papers, LongSupplier embeddingBacklog,
            Templates templates, InstantSource clock) {
        this.harvests = harvests;
        this.papers = papers;
        this.embeddingBacklog = embeddingBacklog;
        this.templates = templates;
        this.clock = clock;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/sources", this::page);
        config.routes.get("/api/v1/sources", this::api);
    }

    private SourcesPage model() {
        return new SourcesPage(harvests.statuses(), papers.count(), embeddingBacklog.getAsLong(), clock.instant());
    }

    private void page(Context ctx) {
        templates.render(ctx, "sources.jte", new PageContext("sources", "", ""), model());
    }

    private void api(Context ctx) {
        SourcesPage m = model();
        ctx.json(Map.of("papers", m.papers(), "embedding_backlog", m.embeddingBacklog(),
                "sources", IngestRoutes.views(m.sources())));
    }
}
