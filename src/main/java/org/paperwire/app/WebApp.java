package org.paperwire.app;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.paperwire.digest.DigestPreviews;
import org.paperwire.digest.DigestRoutes;
import org.paperwire.ingest.IngestRoutes;
import org.paperwire.ingest.SourceStatus;
import org.paperwire.ingest.SourcesRoutes;
import org.paperwire.library.FeedLinks;
import org.paperwire.library.LibraryRoutes;
import org.paperwire.library.PageReaders;
import org.paperwire.paper.PaperSummary;
import org.paperwire.paper.ReferenceDay;
import org.paperwire.paper.SimilarPapers;
import org.paperwire.reader.ReaderSessions;
import org.paperwire.reader.SignInRoutes;
import org.paperwire.recommend.ForYouRoutes;
import org.paperwire.search.SearchInputException;
import org.paperwire.search.SearchRoutes;
import org.paperwire.search.SearchService;
import org.paperwire.subscription.SubscriptionRoutes;
import org.paperwire.trending.AboutPage;
import org.paperwire.trending.PaperRoutes;
import org.paperwire.trending.TrendingRoutes;
import org.paperwire.web.AtomFeeds;
import org.paperwire.web.ClientAddresses;
import org.paperwire.web.Json;
import org.paperwire.web.OpenApiRoutes;
import org.paperwire.web.OpsRoutes;
import org.paperwire.web.OperatorAccess;
import org.paperwire.web.RateLimiter;
import org.paperwire.web.RequestMetrics;
import org.paperwire.web.Templates;
import org.paperwire.web.VisitorCookies;
import org.paperwire.web.WebServer;

/** Assembles the web server of a {@link Paperwire}: every feature's routes, templates, cookies and metrics. */
public final class WebApp {
    private WebApp() {}

    public static WebServer create(Paperwire app) {
        var config = app.config();
        boolean https = config.publicUrl().getScheme().equals("https");
        ReaderSessions sessions = new ReaderSessions(app.signIns(), https);
        Templates templates = new Templates(new PageReaders(sessions, app.library())::reader);
        VisitorCookies visitors = new VisitorCookies(app.secret(), https);
        AtomFeeds feeds = new AtomFeeds(config.publicUrl());
        FeedLinks feedLinks = new FeedLinks(config.publicUrl(), app.secret());
        ClientAddresses clients = new ClientAddresses(config.web().trustedProxies(), app.secret());
        PrometheusMeterRegistry registry = metrics(app);
        SearchService search = app.search().service();
        SimilarPapers similar = (id, limit) -> {
            try {
                return search.similar(id, limit).stream()
                        .map(h -> new PaperSummary(h.id(), h.title(), h.authors(), h.categories(), h.date())).toList();
            } catch (SearchInputException e) {
                return List.of(); // no vector for this paper yet: the page simply shows no similar papers
            }
        };
        return new WebServer(Json.mapper(), templates, new RequestMetrics(registry), List.of(
                OpsRoutes.health(app.papers(), app::nodeStatus),
                new IngestRoutes(app.harvests(), app.papers()),
                new SourcesRoutes(app.harvests(), app.papers(), () -> app.search().status().embeddingBacklog(),
                        templates, app.clock()),
                new TrendingRoutes(app.trending(), app.papers(), config.harvest().categories(), templates, visitors,
                        feeds, app.clock(), new AboutPage.Limits(config.web().votesPerMinute(),
                                config.web().votesPerNetworkPerPaper(), config.web().viewsPerNetworkPerPaper())),
                new PaperRoutes(app.papers(), app.signals(), app.votes(), app.views(), similar, templates, visitors,
                        RateLimiter.perMinute(config.web().votesPerMinute(), app.clock()), clients),
                new SearchRoutes(search, app.papers(), templates, feeds, app.clock()),
                new SubscriptionRoutes(app.subscriptions(), templates, visitors, app.clock(), clients),
                new DigestRoutes(app.subscriptions(), new DigestPreviews(app::digests, app::digestMails,
                        () -> app.search().index().generation(), app.library()::collections, app.clock()),
                        RateLimiter.perMinute(config.web().previewsPerMinute(), app.clock()), clients,
                        app.digestOutbox(), () -> app.mailer().describe(),
                        app.subscribers()::countActive, templates, new OperatorAccess(config.web().adminToken())),
                new SignInRoutes(app.signIns(), sessions, templates, visitors, clients,
                        (reader, visitor) -> app.library().adoptVotes(reader, app.signals().votedBy(visitor))),
                new LibraryRoutes(app.library(), sessions, app.subscribers(), app.ratingLinks(), templates, feedLinks),
                new ForYouRoutes(app.recommendations(), ReferenceDay.of(app.papers(), app.clock()), app.library(),
                        sessions, app.subscribers(), feedLinks, feeds, app.papers(), templates, app.clock(),
                        visitors),
                new OpenApiRoutes(),
                OpsRoutes.metrics(registry)));
    }

    private static PrometheusMeterRegistry metrics(Paperwire app) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Gauge.builder("paperwire_papers", app.papers(), p -> p.count()).description("papers in the store")
                .register(registry);
        Gauge.builder("paperwire_embedding_backlog", app, a -> a.search().status().embeddingBacklog())
                .description("papers waiting for their embedding").register(registry);
        OpsRoutes.registerNodeGauges(registry, app::nodeStatus);
        Path index = app.config().dataDir().resolve("index");
        Gauge.builder("paperwire_index_bytes", index, WebApp::folderSize).description("size of the search index")
                .register(registry);
        for (String source : app.harvests().sourceNames()) {
            for (String kind : List.of("seen", "new", "updated")) {
                Gauge.builder("paperwire_ingest_papers", app, a -> count(a.harvests().status(source).total(), kind))
                        .description("papers harvested since the store was created")
                        .tag("source", source).tag("kind", kind).register(registry);
            }
        }
        return registry;
    }

    private static double count(SourceStatus.Counts c, String kind) {
        return switch (kind) {
            case "seen" -> c.seen();
            case "new" -> c.created();
            default -> c.updated();
        };
    }

    private static double folderSize(Path folder) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0; // a segment file merged away while we listed
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
