package org.paperwire.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.paperwire.subscription.Preferences.Frequency;
import org.paperwire.subscription.SubscriptionPages.Manage;
import org.paperwire.subscription.SubscriptionPages.Notice;
import org.paperwire.subscription.SubscriptionService.LinkException;
import org.paperwire.subscription.SubscriptionService.Outcome;
import org.paperwire.web.ClientAddresses;
import org.paperwire.web.HttpError;
import org.paperwire.web.Json;
import org.paperwire.web.PageContext;
import org.paperwire.web.Routes;
import org.paperwire.web.Templates;
import org.paperwire.web.VisitorCookies;

/**
 * Subscribing (the footer form on every page, {@code /subscribe}, and {@code POST /api/v1/subscriptions}),
 * confirming, managing and unsubscribing through signed links. Links from mails show a page with a button
 * (GET never changes anything: mail scanners fetch links); the RFC 8058 one-click POST unsubscribes at once.
 */
public final class SubscriptionRoutes implements Routes {
    private static final ObjectMapper JSON = Json.mapper();

    private static final String CHECK_INBOX = "If the address can get digests, a mail is on its way to it: follow its"
            + " link to confirm (or, if you are already subscribed, to change your settings). Nothing is sent"
            + " without that confirmation.";
    private static final int EMPTY_TOPIC_ROWS = 3;

    private final SubscriptionService service;
    private final Templates templates;
    private final VisitorCookies visitors;
    private final InstantSource clock;
    private final ClientAddresses clients;

    public SubscriptionRoutes(SubscriptionService service, Templates templates, VisitorCookies visitors,
            InstantSource clock, ClientAddresses clients) {
        this.service = service;
        this.templates = templates;
        this.visitors = visitors;
        this.clock = clock;
        this.clients = clients;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/subscribe", this::subscribePage);
        config.routes.post("/subscribe", this::subscribeForm);
        config.routes.post("/api/v1/subscriptions", this::subscribeApi);
        config.routes.get("/subscription/confirm", this::confirmPage);
        config.routes.post("/subscription/confirm", this::confirm);
        config.routes.get("/subscription/manage", ctx -> manage(ctx, false));
        config.routes.post("/subscription/manage", this::update);
        config.routes.get("/subscription/unsubscribe", this::unsubscribePage);
        config.routes.post("/subscription/unsubscribe", this::unsubscribe);
        config.routes.post("/subscription/link", this::requestLink);
    }

    private PageContext page(Context ctx) {
        return new PageContext("", "", visitors.csrfToken(visitors.visitorOrIssue(ctx)));
    }

    private void notice(Context ctx, Notice notice) {
        templates.render(ctx, "notice.jte", page(ctx), notice);
    }

    private void subscribePage(Context ctx) {
        subscribePage(ctx, "");
    }

    private void subscribePage(Context ctx, String email) {
        PageContext page = page(ctx);
        templates.render(ctx, "notice.jte", page, new Notice("Get the daily digest", "Trending papers in your inbox"
                + " once a day (you choose topics, hour and frequency after confirming).", "/subscribe", null,
                page.csrfToken(), true, "Subscribe", email));
    }

    private void subscribeForm(Context ctx) {
        String visitor = visitors.visitor(ctx).orElse(null);
        if (visitor == null || !visitors.validCsrf(visitor, ctx.formParam("csrf"))) {
            // the footer of a page that issued no visitor cookie, or a form from elsewhere: nothing is done; the
            // visitor confirms on our own page, which carries a CSRF token
            String email = ctx.formParam("email");
            subscribePage(ctx, email == null || email.length() > EmailAddress.MAX_LENGTH ? "" : email.strip());
            return;
        }
        Outcome outcome = subscribe(ctx.formParam("email"), List.of(), clients.network(ctx));
        if (outcome == Outcome.TOO_MANY_REQUESTS) {
            ctx.status(429);
            notice(ctx, Notice.text("Too many requests", "Too many subscribe requests from your network; try again in an hour."));
            return;
        }
        notice(ctx, Notice.text("Check your inbox", CHECK_INBOX));
    }

    /** JSON {@code {"email": "...", "categories": [...], "searches": [...], "authors": [...]}}; 202 whatever the address. */
    private void subscribeApi(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType();
        if (!type.startsWith("application/json")) {
            throw new HttpError(415, "Unsupported Media Type", "send the subscription as application/json");
        }
        JsonNode body;
        try {
            body = JSON.readTree(ctx.body());
        } catch (IOException e) {
            throw HttpError.badRequest("the body is not valid JSON: " + e.getMessage());
        }
        if (body == null || !body.isObject()) {
            throw HttpError.badRequest("expected a JSON object such as {\"email\": \"you@example.org\"}");
        }
        List<Topic> topics;
        try {
            topics = SubscriberCsv.topics(strings(body, "categories"), strings(body, "searches"), strings(body, "authors"));
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(e.getMessage());
        }
        Outcome outcome = subscribe(body.path("email").asText(""), topics, clients.network(ctx));
        if (outcome == Outcome.TOO_MANY_REQUESTS) {
            ctx.header("Retry-After", "3600");
            throw new HttpError(429, "Too Many Requests", "too many subscribe requests from your address; try again in an hour");
        }
        ctx.status(202).json(Map.of("status", "accepted", "detail", CHECK_INBOX));
    }

    private static List<String> strings(JsonNode body, String field) {
        List<String> out = new ArrayList<>();
        JsonNode node = body.path(field);
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else if (!node.isMissingNode() && !node.isNull()) {
            throw HttpError.badRequest("'" + field + "' must be a list of strings");
        }
        if (out.size() > 20) {
            throw HttpError.badRequest("at most 20 " + field + " per subscription");
        }
        return out;
    }

    private Outcome subscribe(String email, List<Topic> topics, String client) {
        try {
            return service.subscribe(email, topics, client);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(e.getMessage());
        }
    }

    /** Checks the link and offers the button; the POST confirms (mail scanners that fetch links change nothing). */
    private void confirmPage(Context ctx) {
        String token = ctx.queryParam("t");
        try {
            service.subscriber(token, LinkTokens.Purpose.CONFIRM);
        } catch (LinkException e) {
            linkProblem(ctx, e);
            return;
        }
        notice(ctx, new Notice("Confirm your subscription", "One click and the digest starts; you can change"
                + " topics, hour and frequency next.", "/subscription/confirm", token, null, false,
                "Confirm my subscription"));
    }

    private void confirm(Context ctx) {
        String token = ctx.formParam("t");
        try {
            Subscriber s = service.confirm(token);
            ctx.redirect("/subscription/manage?t=" + tokenFor(s) + "&confirmed=1", HttpStatus.SEE_OTHER);
        } catch (LinkException e) {
            linkProblem(ctx, e);
        }
    }

    private String tokenFor(Subscriber s) {
        return service.tokens().issue(LinkTokens.Purpose.MANAGE, s);
    }

    private void manage(Context ctx, boolean saved) {
        String token = ctx.queryParam("t") != null ? ctx.queryParam("t") : ctx.formParam("t");
        try {
            Subscriber s = service.manage(token);
            templates.render(ctx, "manage.jte", page(ctx), model(s, token, saved || ctx.queryParam("confirmed") != null));
        } catch (LinkException e) {
            linkProblem(ctx, e);
        }
    }

    private Manage model(Subscriber s, String token, boolean saved) {
        List<Topic> rows = new ArrayList<>(s.topics());
        rows.addAll(Collections.nCopies(Math.max(0, Math.min(EMPTY_TOPIC_ROWS,
                Topic.MAX_PER_SUBSCRIBER - s.topics().size())), null));
        String next = switch (s.status()) {
            case PENDING -> "Confirm the address (the link in the first mail) to start getting digests.";
            case UNSUBSCRIBED -> "You are unsubscribed.";
            case ACTIVE -> DigestSchedule.next(s.preferences(), clock.instant())
                    .map(p -> "Next digest: " + DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm z", Locale.ENGLISH)
                            .format(p.scheduledAt().atZone(s.preferences().zone())) + ".")
                    .orElse("Digests are paused.");
        };
        return new Manage(s, token, rows, next, saved);
    }

    private void update(Context ctx) {
        String token = ctx.formParam("t");
        Preferences prefs;
        List<Topic> topics;
        try {
            prefs = preferences(ctx);
            topics = topics(ctx);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw HttpError.badRequest(e.getMessage() + "; go back and correct it");
        }
        try {
            Subscriber s = service.update(token, prefs, topics);
            templates.render(ctx, "manage.jte", page(ctx), model(s, token, true));
        } catch (LinkException e) {
            linkProblem(ctx, e);
        }
    }

    private static Preferences preferences(Context ctx) {
        Frequency frequency = switch (String.valueOf(ctx.formParam("frequency"))) {
            case "daily" -> Frequency.DAILY;
            case "weekly" -> Frequency.WEEKLY;
            case "paused" -> Frequency.PAUSED;
            default -> throw new IllegalArgumentException("frequency must be daily, weekly or paused");
        };
        String zone = String.valueOf(ctx.formParam("zone")).strip();
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + zone + "' is not a time zone (use an IANA name such as Europe/Berlin)");
        }
        return new Preferences(frequency, DayOfWeek.of(number(ctx, "weekday", 1, 7)), number(ctx, "hour", 0, 23),
                zoneId, "on".equals(ctx.formParam("skip_empty")), number(ctx, "max", 1, Preferences.MAX_PER_EMAIL));
    }

    private static int number(Context ctx, String name, int min, int max) {
        String raw = String.valueOf(ctx.formParam(name)).strip();
        try {
            int v = Integer.parseInt(raw);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException("'" + name + "' must be a whole number from " + min + " to " + max + ", not '" + raw + "'");
    }

    private static List<Topic> topics(Context ctx) {
        List<String> kinds = ctx.formParams("kind");
        List<String> values = ctx.formParams("value");
        List<String> caps = ctx.formParams("cap");
        List<Topic> topics = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            if (kinds.get(i).isBlank()) {
                continue;
            }
            Topic.Kind kind = Topic.Kind.byId(kinds.get(i))
                    .orElseThrow(() -> new IllegalArgumentException("unknown topic kind"));
            String value = i < values.size() ? values.get(i) : "";
            if (kind != Topic.Kind.TRENDING && value.isBlank()) {
                continue; // an empty new row
            }
            int cap;
            try {
                cap = Integer.parseInt(i < caps.size() ? caps.get(i).strip() : "5");
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("a topic's cap must be a whole number from 1 to " + Topic.MAX_CAP);
            }
            Topic t = new Topic(kind, kind == Topic.Kind.TRENDING ? "" : value, cap);
            if (topics.stream().noneMatch(o -> o.kind() == t.kind() && o.value().equals(t.value()))) {
                topics.add(t);
            }
        }
        return Topic.checkCount(topics);
    }

    private void unsubscribePage(Context ctx) {
        String token = ctx.queryParam("t");
        try {
            service.unsubscribing(token);
        } catch (LinkException e) {
            linkProblem(ctx, e);
            return;
        }
        notice(ctx, new Notice("Unsubscribe", "Stop all Paperwire mails to this address?", "/subscription/unsubscribe",
                token, null, false, "Unsubscribe"));
    }

    /** The RFC 8058 one-click POST (token in the URL, body List-Unsubscribe=One-Click) and the page's button. */
    private void unsubscribe(Context ctx) {
        String token = ctx.queryParam("t") != null ? ctx.queryParam("t") : ctx.formParam("t");
        try {
            service.unsubscribe(token);
            notice(ctx, Notice.text("Unsubscribed", "You will get no more Paperwire mails at this address. You can"
                    + " subscribe again at any time from the form at the bottom of every page."));
        } catch (LinkException e) {
            linkProblem(ctx, e);
        }
    }

    private void requestLink(Context ctx) {
        String visitor = visitors.visitor(ctx).orElse(null);
        if (visitor == null || !visitors.validCsrf(visitor, ctx.formParam("csrf"))) {
            // a form from elsewhere (or no cookie yet): mail nothing, show our own form with a token instead
            PageContext page = page(ctx);
            templates.render(ctx, "notice.jte", page, new Notice("Mail me a fresh link", "Enter your address and"
                    + " we will mail a fresh link to it if it is subscribed.", "/subscription/link", null,
                    page.csrfToken(), true, "Mail me a fresh link"));
            return;
        }
        if (service.requestLink(ctx.formParam("email"), clients.network(ctx)) == Outcome.TOO_MANY_REQUESTS) {
            ctx.status(429);
            notice(ctx, Notice.text("Too many requests", "Too many requests from your network; try again in an hour."));
            return;
        }
        notice(ctx, Notice.text("Check your inbox", "If the address is subscribed, a fresh link is on its way to it."));
    }

    private void linkProblem(Context ctx, LinkException e) {
        linkProblem(ctx, e, e.expired() ? 410 : 400);
    }

    private void linkProblem(Context ctx, LinkException e, int status) {
        ctx.status(status);
        PageContext page = page(ctx);
        templates.render(ctx, "notice.jte", page, new Notice(e.expired() ? "This link has expired"
                : "This link does not work", e.getMessage() + ". Enter your address and we will mail you a fresh link.",
                "/subscription/link", null, page.csrfToken(), true, "Mail me a fresh link"));
    }
}
