package org.paperwire.digest;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paperwire.web.ClientAddresses;
import org.paperwire.web.RateLimiter;
import org.paperwire.subscription.Subscriber;
import org.paperwire.subscription.SubscriptionService;
import org.paperwire.subscription.SubscriptionService.LinkException;
import org.paperwire.web.HttpError;
import org.paperwire.web.OperatorAccess;
import org.paperwire.web.PageContext;
import org.paperwire.web.Routes;
import org.paperwire.web.Templates;

/**
 * {@code /digest/preview?t=MANAGE_TOKEN}: the subscriber's next digest exactly as it would be mailed (nothing is
 * recorded); {@code /digest/status} and {@code /api/v1/digest/status}: delivery counts and permanent failures
 * for the operator only ({@link OperatorAccess}), with addresses masked all the same: the page may be shown on a
 * screen or pasted into a bug report.
 */
public final class DigestRoutes implements Routes {
    /** Something shaped like an address inside a server reply. */
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>()\\[\\],;:\"'@]+@[A-Za-z0-9.-]+");
    /** The mail HTML has inline styles (mail clients need them); this page alone allows them. */
    private static final String PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:;"
            + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final SubscriptionService subscriptions;
    private final DigestPreviews previews;
    private final RateLimiter previewLimit;
    private final ClientAddresses clients;
    private final DigestOutbox outbox;
    private final Supplier<String> mailer;
    private final LongSupplier activeSubscribers;
    private final Templates templates;
    private final OperatorAccess operator;

    public DigestRoutes(SubscriptionService subscriptions, DigestPreviews previews, RateLimiter previewLimit,
            ClientAddresses clients, DigestOutbox outbox, Supplier<String> mailer, LongSupplier activeSubscribers,
            Templates templates,
            OperatorAccess operator) {
        this.subscriptions = subscriptions;
        this.previews = previews;
        this.previewLimit = previewLimit;
        this.clients = clients;
        this.outbox = outbox;
        this.mailer = mailer;
        this.activeSubscribers = activeSubscribers;
        this.templates = templates;
        this.operator = operator;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/digest/preview", this::preview);
        config.routes.get("/digest/status", ctx -> {
            operator.require(ctx);
            templates.render(ctx, "digestStatus.jte", new PageContext("sources", "", ""), status());
        });
        config.routes.get("/api/v1/digest/status", ctx -> {
            operator.require(ctx);
            ctx.json(status());
        });
    }

    /** Built pages are reused ({@link DigestPreviews}) and each client network may ask a few times a minute. */
    private void preview(Context ctx) {
        if (!previewLimit.tryAcquire(clients.network(ctx))) {
            ctx.header("Retry-After", Long.toString(previewLimit.retryAfterSeconds()));
            throw new HttpError(429, "Too Many Requests", "too many digest previews from your network; wait a minute");
        }
        Subscriber s;
        try {
            s = subscriptions.manage(ctx.queryParam("t"));
        } catch (LinkException e) {
            throw new HttpError(e.expired() ? 410 : 400, e.expired() ? "Gone" : "Bad Request",
                    e.getMessage() + "; ask for a fresh link on the manage page");
        }
        ctx.header("Content-Security-Policy", PREVIEW_CSP);
        ctx.html(previews.html(s));
    }

    private DigestStatusPage status() {
        return new DigestStatusPage(mailer.get(), activeSubscribers.getAsLong(), outbox.counts(),
                outbox.failures(50).stream().map(f -> new DigestOutbox.Failure(mask(f.recipient()), f.period(),
                        f.attempts(), f.error() == null ? "" : maskAddresses(f.error(), f.recipient()), f.at()))
                        .toList());
    }

    /**
     * A server reply with the recipient masked in any letter case (servers echo {@code <ADA@Example.org>}), and any
     * other address in it too.
     */
    static String maskAddresses(String text, String recipient) {
        String masked = Pattern.compile(Pattern.quote(recipient), Pattern.CASE_INSENSITIVE).matcher(text)
                .replaceAll(Matcher.quoteReplacement(mask(recipient)));
        return ADDRESS.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(mask(m.group())));
    }

    /** j…@example.org: enough for the operator to recognise, not a list of addresses for anyone else. */
    static String mask(String email) {
        int at = email.indexOf('@');
        return at <= 0 ? "…" : email.charAt(0) + "…" + email.substring(at);
    }
}
