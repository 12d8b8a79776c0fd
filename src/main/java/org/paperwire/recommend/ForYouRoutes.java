package org.paperwire.recommend;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paperwire.library.FeedLinks;
import org.paperwire.library.LibraryCollection;
import org.paperwire.library.LibraryException;
import org.paperwire.library.LibraryService;
import org.paperwire.paper.DateWindow;
import org.paperwire.paper.Paper;
import org.paperwire.paper.PaperStore;
import org.paperwire.paper.ReferenceDay;
import org.paperwire.reader.ReaderSessions;
import org.paperwire.reader.SignInService.Current;
import org.paperwire.subscription.Subscriber;
import org.paperwire.subscription.SubscriberStore;
import org.paperwire.web.AtomFeeds;
import org.paperwire.web.HttpError;
import org.paperwire.web.PageContext;
import org.paperwire.web.Params;
import org.paperwire.web.Routes;
import org.paperwire.web.Templates;
import org.paperwire.web.VisitorCookies;

/**
 * Where a reader meets recommendations on the web: {@code /for-you} (per collection, today / this week / this
 * month), {@code GET /api/v1/recommendations} (session cookie) and each collection's private Atom feed
 * ({@code /feeds/for-you/COLLECTION.atom?t=...}, signed by {@link FeedLinks}). A reader sees only their own
 * collections' recommendations.
 */
public final class ForYouRoutes implements Routes {
    static final int PAGE_SIZE = 30;
    private static final List<String> WINDOWS = ForYouPage.WINDOWS.stream().map(DateWindow::slug).toList();
    private static final String DEFAULT_WINDOW = "week";
    private static final Pattern FEED_FILE = Pattern.compile("([1-9][0-9]{0,17})\\.atom");

    private final Recommender recommender;
    private final ReferenceDay referenceDay;
    private final LibraryService library;
    private final ReaderSessions sessions;
    private final SubscriberStore subscribers;
    private final FeedLinks feedLinks;
    private final AtomFeeds feeds;
    private final PaperStore papers;
    private final Templates templates;
    private final InstantSource clock;
    private final VisitorCookies visitors;

    public ForYouRoutes(Recommender recommender, ReferenceDay referenceDay, LibraryService library,
            ReaderSessions sessions, SubscriberStore subscribers, FeedLinks feedLinks, AtomFeeds feeds,
            PaperStore papers, Templates templates, InstantSource clock, VisitorCookies visitors) {
        this.recommender = recommender;
        this.referenceDay = referenceDay;
        this.library = library;
        this.sessions = sessions;
        this.subscribers = subscribers;
        this.feedLinks = feedLinks;
        this.feeds = feeds;
        this.papers = papers;
        this.templates = templates;
        this.clock = clock;
        this.visitors = visitors;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/for-you", this::page);
        config.routes.get("/api/v1/recommendations", this::api);
        config.routes.get("/feeds/for-you/{file}", this::feed);
    }

    private void page(Context ctx) {
        Optional<Current> current = sessions.current(ctx);
        if (current.isEmpty()) {
            // the header's sign-in form needs the visitor's CSRF token
            templates.render(ctx, "forYou.jte", new PageContext("for-you", "",
                    visitors.csrfToken(visitors.visitorOrIssue(ctx))), ForYouPage.signedOut());
            return;
        }
        Subscriber reader = current.get().reader();
        DateWindow window = window(ctx);
        LibraryCollection collection = collection(ctx, reader.id());
        LocalDate day = referenceDay.get();
        List<Recommendation> items = recommend(reader.id(), collection.id(), window.first(day), PAGE_SIZE);
        int saved = library.trainingSet(reader.id(), collection.id()).positives().size();
        templates.render(ctx, "forYou.jte", new PageContext("for-you", "", ""), new ForYouPage(reader.email(),
                library.collections(reader.id()), collection, window, day, items, saved,
                feedLinks.url(reader, collection.id())));
    }

    private void api(Context ctx) {
        Current c = sessions.current(ctx).orElseThrow(() -> new HttpError(401, "Unauthorized", "this needs a"
                + " signed-in reader's session cookie (" + ReaderSessions.COOKIE + "): sign in at /sign-in"));
        DateWindow window = window(ctx);
        int limit = Params.integer(ctx, "limit", 20, 1, 100);
        LibraryCollection collection = collection(ctx, c.reader().id());
        LocalDate day = referenceDay.get();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reader", c.reader().email());
        body.put("collection", Map.of("id", collection.id(), "name", collection.name()));
        body.put("window", window.slug());
        body.put("since", window.first(day).toString());
        body.put("reference_day", day.toString());
        body.put("items", recommend(c.reader().id(), collection.id(), window.first(day), limit).stream()
                .map(ForYouRoutes::item).toList());
        ctx.json(body);
    }

    /** One recommendation as the API and {@code paperwire recommend --json} give it. */
    public static Map<String, Object> item(Recommendation r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.paper().id());
        m.put("title", r.paper().title());
        m.put("score", r.score());
        m.put("because", r.because().stream().map(b -> {
            Map<String, Object> reason = new LinkedHashMap<>();
            reason.put("id", b.id());
            reason.put("title", b.title());
            return reason;
        }).toList());
        return m;
    }

    /**
     * A collection's private feed: the token must be the reader's as they are now (404 when the reader or the
     * collection is gone, 403 for a token that is not theirs); this week's recommendations, best first.
     */
    private void feed(Context ctx) {
        Matcher file = FEED_FILE.matcher(ctx.pathParam("file"));
        if (!file.matches()) {
            throw HttpError.notFound("no such feed: feed URLs look like /feeds/for-you/12.atom?t=...");
        }
        long collectionId = Long.parseLong(file.group(1));
        String token = ctx.queryParam("t");
        OptionalLong readerId = FeedLinks.readerId(token);
        if (readerId.isEmpty()) {
            throw new HttpError(403, "Forbidden", "this feed URL's token is missing or malformed: copy the feed URL"
                    + " again from /for-you or /library");
        }
        Subscriber reader = subscribers.find(readerId.getAsLong()).orElseThrow(() -> HttpError.notFound(
                "no such feed: its subscription was removed"));
        if (!feedLinks.verify(token, collectionId, reader)) {
            throw new HttpError(403, "Forbidden", "this feed URL is not valid (it may have been copied"
                    + " incompletely, or the subscription was renewed): copy it again from /for-you or /library");
        }
        DateWindow window = window(ctx);
        LocalDate day = referenceDay.get();
        LibraryCollection collection = collection(reader.id(), collectionId);
        List<Paper> entries = papers.findAll(recommend(reader.id(), collectionId, window.first(day), PAGE_SIZE)
                .stream().map(r -> r.paper().id()).toList());
        ctx.header("Cache-Control", "private, max-age=600");
        ctx.contentType(AtomFeeds.CONTENT_TYPE).result(feeds.write("Paperwire: recommended for you from '"
                + collection.name() + "'", FeedLinks.path(collectionId) + "?t=" + token,
                "/for-you?collection=" + collectionId + "&window=" + window.slug(), entries, clock.instant()));
    }

    private List<Recommendation> recommend(long reader, long collectionId, LocalDate since, int limit) {
        try {
            return recommender.recommend(reader, collectionId, since, limit);
        } catch (LibraryException e) {
            throw HttpError.notFound(e.getMessage());
        }
    }

    private static DateWindow window(Context ctx) {
        return DateWindow.parse(Params.oneOf(ctx, "window", DEFAULT_WINDOW, WINDOWS)).orElseThrow();
    }

    /** The collection named by {@code collection=} (the reader's default one when absent). */
    private LibraryCollection collection(Context ctx, long reader) {
        String raw = ctx.queryParam("collection");
        if (raw == null || raw.isBlank()) {
            return library.defaultCollection(reader);
        }
        if (!raw.strip().matches("[1-9][0-9]{0,17}")) {
            throw HttpError.badRequest("parameter 'collection' must be a collection number (see /library), not '"
                    + (raw.length() > 40 ? raw.substring(0, 40) + "…" : raw) + "'");
        }
        return collection(reader, Long.parseLong(raw.strip()));
    }

    private LibraryCollection collection(long reader, long id) {
        try {
            return library.collection(reader, id);
        } catch (LibraryException e) {
            throw HttpError.notFound(e.getMessage());
        }
    }
}
