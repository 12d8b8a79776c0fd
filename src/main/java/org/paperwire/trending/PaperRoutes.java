package org.paperwire.trending;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.paperwire.paper.ArxivId;
import org.paperwire.paper.Paper;
import org.paperwire.paper.PaperStore;
import org.paperwire.paper.SimilarPapers;
import org.paperwire.web.ClientAddresses;
import org.paperwire.web.HttpError;
import org.paperwire.web.PageContext;
import org.paperwire.web.RateLimiter;
import org.paperwire.web.Routes;
import org.paperwire.web.Templates;
import org.paperwire.web.VisitorCookies;

/**
 * A paper's page and API, and voting. Votes need the visitor's signed cookie and its CSRF token (a form field,
 * or the {@code X-CSRF-Token} header for scripts), are rate-limited per client network and capped per network and
 * paper ({@link VoteService}). A view counts once per visitor (or, without a cookie, per network) and day.
 */
public final class PaperRoutes implements Routes {
    private final PaperStore papers;
    private final SignalStore signals;
    private final VoteService votes;
    private final ViewCounter views;
    private final SimilarPapers similar;
    private final Templates templates;
    private final VisitorCookies visitors;
    private final RateLimiter voteLimit;
    private final ClientAddresses clients;

    public PaperRoutes(PaperStore papers, SignalStore signals, VoteService votes, ViewCounter views,
            SimilarPapers similar, Templates templates, VisitorCookies visitors, RateLimiter voteLimit,
            ClientAddresses clients) {
        this.papers = papers;
        this.signals = signals;
        this.votes = votes;
        this.views = views;
        this.similar = similar;
        this.templates = templates;
        this.visitors = visitors;
        this.voteLimit = voteLimit;
        this.clients = clients;
    }

    @Override
    public void register(JavalinConfig config) {
        // <id> may hold a slash: old-style ids such as hep-th/9901001
        config.routes.get("/papers/<id>", this::page);
        config.routes.post("/papers/<id>/vote", this::formVote);
        config.routes.get("/api/v1/papers/<id>/similar", this::apiSimilar);
        config.routes.get("/api/v1/papers/<id>", this::api);
        config.routes.post("/api/v1/papers/<id>/vote", ctx -> apiVote(ctx, true));
        config.routes.delete("/api/v1/papers/<id>/vote", ctx -> apiVote(ctx, false));
    }

    private Paper paper(Context ctx) {
        String raw = ctx.pathParam("id");
        Optional<ArxivId> id = ArxivId.parse(raw);
        if (id.isEmpty() || raw.length() > 64) {
            throw HttpError.notFound("'" + (raw.length() > 64 ? raw.substring(0, 64) + "…" : raw)
                    + "' is not an arXiv id (expected e.g. 2406.01234 or hep-th/9901001)");
        }
        return papers.find(id.get().id())
                .orElseThrow(() -> HttpError.notFound("no paper " + id.get().id() + " here (yet)"));
    }

    private void page(Context ctx) {
        Paper paper = paper(ctx);
        String visitor = visitors.visitorOrIssue(ctx);
        countView(ctx, paper, Optional.of(visitor));
        PaperPage model = new PaperPage(paper, signals.signals(paper.id()), signals.hasVoted(paper.id(), visitor),
                similar.similar(paper.id(), 8), signals.history(paper.id()));
        templates.render(ctx, "paper.jte", new PageContext("", "", visitors.csrfToken(visitor)), model);
    }

    private void formVote(Context ctx) {
        Paper paper = paper(ctx);
        String visitor = checkedVisitor(ctx, ctx.formParam("csrf"));
        vote(ctx, paper, visitor, !"unvote".equals(ctx.formParam("action")));
        ctx.redirect("/papers/" + paper.id() + "#vote", HttpStatus.SEE_OTHER);
    }

    private void apiVote(Context ctx, boolean up) {
        Paper paper = paper(ctx);
        String visitor = checkedVisitor(ctx, ctx.header("X-CSRF-Token"));
        VoteService.VoteState state = vote(ctx, paper, visitor, up);
        ctx.json(Map.of("id", state.paperId(), "voted", state.voted(), "votes", state.votes()));
    }

    private VoteService.VoteState vote(Context ctx, Paper paper, String visitor, boolean up) {
        try {
            return votes.vote(paper.id(), visitor, clients.network(ctx), up);
        } catch (VoteService.NetworkCapException e) {
            throw new HttpError(403, "Forbidden", e.getMessage());
        }
    }

    /**
     * The viewer is the visitor (on a page, the one whose cookie it just issued, so a first visit and its reloads
     * are one viewer); an API request without the cookie counts as its client network.
     */
    private void countView(Context ctx, Paper paper, Optional<String> visitor) {
        String network = clients.network(ctx);
        views.viewed(paper.id(), visitor.map(v -> "visitor:" + v).orElse("network:" + network), network);
    }

    private String checkedVisitor(Context ctx, String csrf) {
        String visitor = visitors.visitor(ctx).orElseThrow(() -> new HttpError(403, "Forbidden",
                "voting needs the visitor cookie: load the paper's page first (cookies must be enabled)"));
        if (!visitors.validCsrf(visitor, csrf)) {
            throw new HttpError(403, "Forbidden", "missing or invalid CSRF token: reload the page and try again");
        }
        if (!voteLimit.tryAcquire(clients.network(ctx))) {
            ctx.header("Retry-After", Long.toString(voteLimit.retryAfterSeconds()));
            throw new HttpError(429, "Too Many Requests", "too many votes from your address; wait a minute");
        }
        return visitor;
    }

    private void api(Context ctx) {
        Paper p = paper(ctx);
        countView(ctx, p, visitors.visitor(ctx));
        Signals s = signals.signals(p.id());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", p.id());
        body.put("version", p.version());
        body.put("title", p.title());
        body.put("abstract", p.abstractText());
        body.put("authors", p.authors());
        body.put("categories", p.categories());
        body.put("comment", p.comment());
        body.put("journal_ref", p.journalRef());
        body.put("doi", p.doi());
        body.put("first_submitted", p.firstSubmitted());
        body.put("last_updated", p.lastUpdated());
        body.put("listed_on", p.listedOn());
        body.put("links", Map.of("abs", p.absUrl(), "pdf", p.pdfUrl(),
                "code", s.githubRepo() == null ? "" : s.githubRepo()));
        body.put("signals", Map.of("votes", s.votes(), "views", s.views(), "hf_upvotes", s.hfUpvotes(),
                "github_stars", s.githubStars()));
        ctx.json(body);
    }

    private void apiSimilar(Context ctx) {
        Paper p = paper(ctx);
        ctx.json(Map.of("id", p.id(), "similar", similar.similar(p.id(), 10)));
    }
}
