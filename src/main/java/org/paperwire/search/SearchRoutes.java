package org.paperwire.search;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paperwire.paper.Paper;
import org.paperwire.paper.PaperStore;
import org.paperwire.paper.ReferenceDay;
import org.paperwire.web.AtomFeeds;
import org.paperwire.web.HttpError;
import org.paperwire.web.PageContext;
import org.paperwire.web.Params;
import org.paperwire.web.Routes;
import org.paperwire.web.Templates;

/** The search page, {@code /api/v1/search}, and an Atom feed for any search. */
public final class SearchRoutes implements Routes {
    static final int PAGE_SIZE = 20;
    private static final List<String> MODES = List.of("hybrid", "keyword", "semantic");
    private static final List<String> WINDOWS = List.of("", "today", "week", "month", "custom");
    private static final List<String> SORTS = List.of("relevance", "date");

    private final SearchService search;
    private final PaperStore papers;
    private final Templates templates;
    private final AtomFeeds feeds;
    private final InstantSource clock;
    private final ReferenceDay referenceDay;

    public SearchRoutes(SearchService search, PaperStore papers, Templates templates, AtomFeeds feeds,
            InstantSource clock) {
        this.search = search;
        this.papers = papers;
        this.templates = templates;
        this.feeds = feeds;
        this.clock = clock;
        this.referenceDay = ReferenceDay.of(papers, clock);
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/search", this::page);
        config.routes.get("/api/v1/search", this::api);
        config.routes.get("/feeds/search.atom", this::feed);
    }

    /** The form's values, checked: a bad parameter is a 400 naming it. */
    private SearchPage form(Context ctx) {
        String window = Params.oneOf(ctx, "window", "", WINDOWS);
        return new SearchPage(Params.text(ctx, "q"), Params.oneOf(ctx, "mode", "hybrid", MODES),
                Params.category(ctx), window, Params.date(ctx, "since"), Params.date(ctx, "until"),
                Params.oneOf(ctx, "sort", "relevance", SORTS),
                Params.integer(ctx, "page", 1, 1, 500), PAGE_SIZE, null, null);
    }

    /** Deep pages cost a full ranking each (and a k-NN search of that depth): the first 1,000 results only. */
    static final int MAX_DEPTH = 1000;

    private SearchRequest request(SearchPage f, int offset, int limit) {
        if (offset + limit > MAX_DEPTH) {
            throw HttpError.badRequest("only the first " + MAX_DEPTH + " results can be paged through; add words"
                    + " or filters to narrow the search");
        }
        // a named window covers the same days as trending's tab and the query's since:WINDOW
        LocalDate since = f.dateWindow().map(w -> w.first(referenceDay.get())).orElse(f.since());
        LocalDate until = f.dateWindow().isPresent() ? null : f.until();
        return new SearchRequest(f.query(), SearchMode.byId(f.mode()).orElseThrow(),
                f.category() == null ? List.of() : List.of(f.category()), since, until,
                f.sort().equals("date") ? SearchSort.DATE : SearchSort.RELEVANCE, offset, limit, true);
    }

    private void page(Context ctx) {
        SearchPage f = form(ctx);
        SearchPage shown = f;
        if (!f.query().isBlank() || f.category() != null) {
            try {
                shown = with(f, search.search(request(f, (f.pageNumber() - 1) * PAGE_SIZE, PAGE_SIZE)), null);
            } catch (SearchInputException e) {
                ctx.status(400);
                shown = with(f, null, e.getMessage());
            }
        }
        templates.render(ctx, "search.jte", new PageContext("search", f.query(), ""), shown);
    }

    private static SearchPage with(SearchPage f, SearchResults results, String error) {
        return new SearchPage(f.query(), f.mode(), f.category(), f.window(), f.since(), f.until(), f.sort(),
                f.pageNumber(), f.pageSize(), results, error);
    }

    private SearchResults run(SearchPage f, int offset, int limit) {
        try {
            return search.search(request(f, offset, limit));
        } catch (SearchInputException e) {
            throw HttpError.badRequest(e.getMessage());
        }
    }

    private void api(Context ctx) {
        SearchPage f = form(ctx);
        int limit = Params.integer(ctx, "limit", PAGE_SIZE, 1, 100);
        SearchResults r = run(f, (f.pageNumber() - 1) * limit, limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", r.query());
        body.put("mode", r.mode().id());
        body.put("total", r.total());
        body.put("page", f.pageNumber());
        body.put("notes", r.notes());
        body.put("hits", r.hits());
        ctx.json(body);
    }

    private void feed(Context ctx) {
        SearchPage f = form(ctx);
        SearchResults r = run(f, 0, 30);
        List<Paper> entries = papers.findAll(r.hits().stream().map(SearchHit::id).toList());
        ctx.contentType(AtomFeeds.CONTENT_TYPE).result(feeds.write("Paperwire search: " + r.query(),
                f.feedLink(), f.link(1), entries, clock.instant()));
    }
}
