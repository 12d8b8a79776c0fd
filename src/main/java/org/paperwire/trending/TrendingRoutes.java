package org.paperwire.trending;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paperwire.paper.DateWindow;
import org.paperwire.paper.Paper;
import org.paperwire.paper.PaperStore;
import org.paperwire.web.AtomFeeds;
import org.paperwire.web.PageContext;
import org.paperwire.web.Params;
import org.paperwire.web.Routes;
import org.paperwire.web.Templates;
import org.paperwire.web.VisitorCookies;

/** The trending home page, the "new" page, "how trending works", the trending API and its Atom feed. */
public final class TrendingRoutes implements Routes {
    static final int PAGE_SIZE = 30;
    private static final List<String> WINDOWS = List.of("today", "week", "month");

    private final TrendingService trending;
    private final PaperStore papers;
    private final List<String> categories;
    private final Templates templates;
    private final VisitorCookies visitors;
    private final AtomFeeds feeds;
    private final InstantSource clock;
    private final AboutPage.Limits limits;

    public TrendingRoutes(TrendingService trending, PaperStore papers, List<String> categories, Templates templates,
            VisitorCookies visitors, AtomFeeds feeds, InstantSource clock, AboutPage.Limits limits) {
        this.trending = trending;
        this.papers = papers;
        this.categories = List.copyOf(categories);
        this.templates = templates;
        this.visitors = visitors;
        this.feeds = feeds;
        this.clock = clock;
        this.limits = limits;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/", this::home);
        config.routes.get("/new", this::newest);
        config.routes.get("/about", this::about);
        config.routes.get("/api/v1/trending", this::api);
        config.routes.get("/feeds/trending.atom", this::feed);
    }

    private DateWindow window(Context ctx) {
        return DateWindow.parse(Params.oneOf(ctx, "window", "today", WINDOWS)).orElseThrow();
    }

    private PageContext page(Context ctx, String active) {
        return new PageContext(active, "", visitors.csrfToken(visitors.visitorOrIssue(ctx)));
    }

    private void home(Context ctx) {
        int page = Params.integer(ctx, "page", 1, 1, 1000);
        TrendingList list = trending.trending(window(ctx), Params.category(ctx), (page - 1) * PAGE_SIZE, PAGE_SIZE);
        templates.render(ctx, "trending.jte", page(ctx, "trending"),
                new TrendingPage("Trending papers", "/", list, categories, page, PAGE_SIZE, false));
    }

    private void newest(Context ctx) {
        int page = Params.integer(ctx, "page", 1, 1, 1000);
        TrendingList list = trending.newest(Params.category(ctx), (page - 1) * PAGE_SIZE, PAGE_SIZE);
        templates.render(ctx, "trending.jte", page(ctx, "new"),
                new TrendingPage("New papers of " + list.referenceDay(), "/new", list, categories, page, PAGE_SIZE, true));
    }

    private void about(Context ctx) {
        templates.render(ctx, "about.jte", page(ctx, "about"), AboutPage.of(trending.formula(), limits));
    }

    private void api(Context ctx) {
        int page = Params.integer(ctx, "page", 1, 1, 1000);
        int limit = Params.integer(ctx, "limit", PAGE_SIZE, 1, 100);
        TrendingList list = trending.trending(window(ctx), Params.category(ctx), (page - 1) * limit, limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("window", list.window().slug());
        body.put("category", list.category());
        body.put("reference_day", list.referenceDay());
        body.put("total", list.total());
        body.put("page", page);
        body.put("fallback_to_newest", list.fallbackToNewest());
        body.put("items", list.items().stream().map(TrendingRoutes::item).toList());
        ctx.json(body);
    }

    static Map<String, Object> item(TrendItem item) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rank", item.rank());
        m.put("id", item.paper().id());
        m.put("title", item.paper().title());
        m.put("authors", item.paper().authors());
        m.put("categories", item.paper().categories());
        m.put("day", item.paper().day());
        m.put("score", item.score());
        m.put("signals", Map.of("votes", item.signals().votes(), "views", item.signals().views(),
                "hf_upvotes", item.signals().hfUpvotes(), "github_stars", item.signals().githubStars()));
        return m;
    }

    private void feed(Context ctx) {
        DateWindow window = window(ctx);
        String category = Params.category(ctx);
        TrendingList list = trending.trending(window, category, 0, PAGE_SIZE);
        List<Paper> entries = papers.findAll(list.items().stream().map(i -> i.paper().id()).toList());
        String query = "?window=" + window.slug() + (category == null ? "" : "&cat=" + category);
        String title = "Paperwire: trending " + (category == null ? "" : "in " + category + " ") + switch (window) {
            case TODAY -> "today";
            case WEEK -> "this week";
            case MONTH -> "this month";
            case YEAR -> "this year"; // not offered: window= accepts today, week and month only
        };
        ctx.contentType(AtomFeeds.CONTENT_TYPE).result(feeds.write(title, "/feeds/trending.atom" + query,
                "/" + query, entries, clock.instant()));
    }

}
