package org.paperwire.library;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.paperwire.reader.ReaderSessions;
import org.paperwire.reader.SignInService.Current;
import org.paperwire.subscription.LinkTokens.Verdict;
import org.paperwire.subscription.Subscriber;
import org.paperwire.subscription.SubscriberStore;
import org.paperwire.subscription.SubscriptionPages.Notice;
import org.paperwire.web.HttpError;
import org.paperwire.web.PageContext;
import org.paperwire.web.Routes;
import org.paperwire.web.Templates;

/**
 * The reader's library: {@code /library} (collections and their papers), the Save and rating forms of every paper,
 * the mailed rating links ({@code /rate}) and the export ({@code /library/export.json}, {@code GET /api/v1/library}).
 * Everything but {@code /rate} needs a session, and every form that changes something its CSRF token; a signed-out
 * Save or rating goes to the sign-in page. A reader sees and changes only their own collections.
 */
public final class LibraryRoutes implements Routes {
    private static final String SIGN_IN = "/sign-in";

    private final LibraryService library;
    private final ReaderSessions sessions;
    private final SubscriberStore subscribers;
    private final RatingLinks ratingLinks;
    private final Templates templates;
    private final FeedLinks feedLinks;

    public LibraryRoutes(LibraryService library, ReaderSessions sessions, SubscriberStore subscribers,
            RatingLinks ratingLinks, Templates templates, FeedLinks feedLinks) {
        this.library = library;
        this.sessions = sessions;
        this.subscribers = subscribers;
        this.ratingLinks = ratingLinks;
        this.templates = templates;
        this.feedLinks = feedLinks;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/library", this::page);
        config.routes.get("/library/export.json", this::download);
        config.routes.get("/api/v1/library", this::api);
        config.routes.post("/library/save", ctx -> act(ctx, (reader, c) -> library.save(reader, collectionOrNull(c),
                c.formParam("paper"))));
        config.routes.post("/library/remove", ctx -> act(ctx, (reader, c) -> library.remove(reader,
                id(c, "collection"), c.formParam("paper"))));
        config.routes.post("/library/move", ctx -> act(ctx, (reader, c) -> library.move(reader, id(c, "collection"),
                id(c, "to"), c.formParam("paper"))));
        config.routes.post("/library/rate", ctx -> act(ctx, this::rate));
        config.routes.post("/library/collections", ctx -> act(ctx, (reader, c) -> library.create(reader,
                c.formParam("name"))));
        config.routes.post("/library/collections/rename", ctx -> act(ctx, (reader, c) -> library.rename(reader,
                id(c, "collection"), c.formParam("name"))));
        config.routes.post("/library/collections/delete", ctx -> act(ctx, (reader, c) -> library.delete(reader,
                id(c, "collection"))));
        config.routes.get("/rate", this::ratePage);
        config.routes.post("/rate", this::rateFromMail);
    }

    /** A change to the signed-in reader's library from a form; then back to {@code next} (a local path). */
    @FunctionalInterface
    private interface Action {
        void run(long reader, Context ctx);
    }

    private void act(Context ctx, Action action) {
        if (sessions.current(ctx).isEmpty()) {
            ctx.redirect(SIGN_IN, HttpStatus.SEE_OTHER); // a signed-out Save or rating: sign in first
            return;
        }
        Current c = sessions.requireForForm(ctx, ctx.formParam("csrf"));
        try {
            action.run(c.reader().id(), ctx);
        } catch (LibraryException e) {
            throw e.notFound() ? HttpError.notFound(e.getMessage()) : HttpError.badRequest(e.getMessage());
        }
        ctx.redirect(next(ctx.formParam("next")), HttpStatus.SEE_OTHER);
    }

    private void rate(long reader, Context ctx) {
        String paper = ctx.formParam("paper");
        String value = String.valueOf(ctx.formParam("rating"));
        if (value.equals("clear")) {
            library.unrate(reader, collectionOrNull(ctx), paper);
            return;
        }
        Rating rating = Rating.bySlug(value).orElseThrow(() -> HttpError.badRequest(
                "'rating' must be more, less or clear, not '" + abbreviate(value) + "'"));
        library.rate(reader, collectionOrNull(ctx), paper, rating);
    }

    /** Only a path on this site: anything else (another host, a scheme, a protocol-relative URL) goes to /library. */
    static String next(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > 2000 || !raw.startsWith("/") || raw.startsWith("//")
                || raw.contains("\\") || raw.chars().anyMatch(ch -> ch < 0x21 || ch == 0x7f)) {
            return "/library";
        }
        return raw;
    }

    private static Long collectionOrNull(Context ctx) {
        String raw = ctx.formParam("collection");
        return raw == null || raw.isBlank() ? null : id(ctx, "collection");
    }

    private static long id(Context ctx, String name) {
        String raw = String.valueOf(ctx.formParam(name)).strip();
        try {
            long id = Long.parseLong(raw);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw HttpError.badRequest("'" + name + "' must be a collection number, not '" + abbreviate(raw) + "'");
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private void page(Context ctx) {
        Optional<Current> current = sessions.current(ctx);
        if (current.isEmpty()) {
            ctx.redirect(SIGN_IN, HttpStatus.SEE_OTHER);
            return;
        }
        Subscriber reader = current.get().reader();
        String adopted = ctx.queryParam("adopted");
        String message = adopted != null && adopted.matches("[1-9][0-9]{0,5}") ? "You are signed in. " + adopted
                + (adopted.equals("1") ? " paper" : " papers") + " you voted for in this browser now count as"
                + " \"More like this\" in your first collection." : "";
        library.defaultCollection(reader.id()); // a new reader starts with an empty "Library"
        List<LibraryCollection> collections = library.collections(reader.id());
        Map<Long, String> feeds = new HashMap<>();
        collections.forEach(c -> feeds.put(c.id(), feedLinks.url(reader, c.id())));
        templates.render(ctx, "library.jte", new PageContext("library", "", ""), new LibraryPage(reader.email(),
                library.shelves(reader.id()), collections, message, feeds));
    }

    private void download(Context ctx) {
        Current c = signedIn(ctx);
        ctx.header("Content-Disposition", "attachment; filename=\"paperwire-library.json\"");
        ctx.json(library.export(c.reader().id(), c.reader().email()));
    }

    private void api(Context ctx) {
        Current c = signedIn(ctx);
        ctx.json(library.export(c.reader().id(), c.reader().email()));
    }

    private Current signedIn(Context ctx) {
        return sessions.current(ctx).orElseThrow(() -> new HttpError(401, "Unauthorized", "this needs a signed-in"
                + " reader's session cookie (" + ReaderSessions.COOKIE + "): sign in at /sign-in"));
    }

    /** A rating link from a mail: checks it and offers the button; nothing changes on GET. */
    private void ratePage(Context ctx) {
        String token = ctx.queryParam("t");
        Optional<RatingLinks.Request> request = checked(ctx, token);
        if (request.isEmpty()) {
            return;
        }
        RatingLinks.Request r = request.get();
        String verdict = r.rating() == Rating.MORE_LIKE_THIS ? "More like this" : "Not for me";
        templates.render(ctx, "notice.jte", new PageContext("", "", ""), new Notice(verdict + ": " + r.paperId(),
                "Mark " + r.paperId() + " as \"" + verdict + "\" for your collection?", "/rate", token, null, false,
                verdict));
    }

    private void rateFromMail(Context ctx) {
        String token = ctx.formParam("t");
        Optional<RatingLinks.Request> request = checked(ctx, token);
        if (request.isEmpty()) {
            return;
        }
        RatingLinks.Request r = request.get();
        LibraryCollection c;
        try {
            c = library.rate(r.readerId(), r.collectionId(), r.paperId(), r.rating());
        } catch (LibraryException e) {
            ctx.status(404);
            notice(ctx, Notice.text("This collection is gone", e.getMessage() + "."));
            return;
        }
        notice(ctx, Notice.text("Thank you", r.paperId() + " is marked \""
                + (r.rating() == Rating.MORE_LIKE_THIS ? "More like this" : "Not for me") + "\" in '" + c.name()
                + "'. Recommendations from it will take this into account."));
    }

    /** The request of a genuine, unexpired rating link whose reader still exists; else answers with why not. */
    private Optional<RatingLinks.Request> checked(Context ctx, String token) {
        Optional<RatingLinks.Request> request = RatingLinks.parse(token);
        Optional<Subscriber> reader = request.flatMap(r -> subscribers.find(r.readerId()));
        Verdict verdict = reader.map(s -> ratingLinks.verify(token, s)).orElse(Verdict.INVALID);
        if (verdict == Verdict.VALID) {
            return request;
        }
        ctx.status(verdict == Verdict.EXPIRED ? 410 : 400);
        notice(ctx, Notice.text(verdict == Verdict.EXPIRED ? "This link has expired" : "This link does not work",
                verdict == Verdict.EXPIRED ? "Rating links in mails work for a while only. Sign in to rate papers on"
                        + " their pages." : "This rating link is not valid (it may have been copied incompletely,"
                        + " or its subscription was removed)."));
        return Optional.empty();
    }

    private void notice(Context ctx, Notice notice) {
        templates.render(ctx, "notice.jte", new PageContext("", "", ""), notice);
    }
}
