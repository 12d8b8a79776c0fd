package org.paperwire.reader;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import org.paperwire.reader.SignInService.Current;
import org.paperwire.reader.SignInService.LinkState;
import org.paperwire.reader.SignInService.Started;
import org.paperwire.subscription.EmailAddress;
import org.paperwire.subscription.SubscriptionPages.Notice;
import org.paperwire.web.ClientAddresses;
import org.paperwire.web.PageContext;
import org.paperwire.web.Routes;
import org.paperwire.web.Templates;
import org.paperwire.web.VisitorCookies;

/**
 * {@code /sign-in} (the form, also in every page's header), the mailed link's page with its button (GET changes
 * nothing: mail scanners fetch links; the POST signs in) and {@code /sign-out}. The forms that ask for a link and
 * use one carry the visitor's CSRF token, so no other site can sign a browser in to someone else's account.
 */
public final class SignInRoutes implements Routes {
    private static final String CHECK_INBOX = "If the address is subscribed to Paperwire, a sign-in link is on its"
            + " way to it. It works once and expires soon; open it in this browser.";

    private final SignInService service;
    private final ReaderSessions sessions;
    private final Templates templates;
    private final VisitorCookies visitors;
    private final ClientAddresses clients;
    private final OnSignIn onSignIn;

    public SignInRoutes(SignInService service, ReaderSessions sessions, Templates templates, VisitorCookies visitors,
            ClientAddresses clients, OnSignIn onSignIn) {
        this.service = service;
        this.sessions = sessions;
        this.templates = templates;
        this.visitors = visitors;
        this.clients = clients;
        this.onSignIn = onSignIn;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/sign-in", this::signInPage);
        config.routes.post("/sign-in", this::requestLink);
        config.routes.get("/sign-in/link", this::linkPage);
        config.routes.post("/sign-in/link", this::useLink);
        config.routes.post("/sign-out", this::signOut);
    }

    private PageContext page(Context ctx) {
        return new PageContext("", "", visitors.csrfToken(visitors.visitorOrIssue(ctx)));
    }

    private void notice(Context ctx, Notice notice) {
        templates.render(ctx, "notice.jte", page(ctx), notice);
    }

    private void signInPage(Context ctx) {
        Optional<Current> current = sessions.current(ctx);
        if (current.isPresent()) {
            notice(ctx, Notice.text("You are signed in", "You are signed in as " + current.get().reader().email()
                    + ". Your saved papers are in your library (the link at the top)."));
            return;
        }
        askForAddress(ctx, "Sign in", "Sign in with the address you get the Paperwire digest at: we mail you a link,"
                + " no password needed. Signed in, you can save papers into collections and rate them.", "");
    }

    private void askForAddress(Context ctx, String title, String message, String email) {
        PageContext page = page(ctx);
        templates.render(ctx, "notice.jte", page, new Notice(title, message, "/sign-in", null, page.csrfToken(), true,
                "Email me a sign-in link", email));
    }

    private void requestLink(Context ctx) {
        String visitor = visitors.visitor(ctx).orElse(null);
        String email = ctx.formParam("email");
        if (visitor == null || !visitors.validCsrf(visitor, ctx.formParam("csrf"))) {
            // a form from elsewhere, or a page that issued no visitor cookie: mail nothing, ask on our own page
            askForAddress(ctx, "Sign in", "Confirm the address to mail a sign-in link to.",
                    email == null || email.length() > EmailAddress.MAX_LENGTH ? "" : email.strip());
            return;
        }
        if (service.requestLink(email, clients.network(ctx)) == SignInService.Outcome.TOO_MANY_REQUESTS) {
            ctx.status(429);
            notice(ctx, Notice.text("Too many requests", "Too many sign-in requests from your network; try again"
                    + " in an hour."));
            return;
        }
        notice(ctx, Notice.text("Check your inbox", CHECK_INBOX));
    }

    private void linkPage(Context ctx) {
        linkPage(ctx, ctx.queryParam("t"));
    }

    private void useLink(Context ctx) {
        String token = ctx.formParam("t");
        String visitor = visitors.visitor(ctx).orElse(null);
        if (visitor == null || !visitors.validCsrf(visitor, ctx.formParam("csrf"))) {
            // not our own page's button (another site posting someone's link): use nothing, offer our button
            linkPage(ctx, token);
            return;
        }
        Optional<Started> started = service.signIn(token);
        if (started.isEmpty()) {
            linkProblem(ctx, service.check(token));
            return;
        }
        sessions.start(ctx, started.get());
        int adopted = onSignIn.signedIn(started.get().reader().id(), visitor);
        ctx.redirect("/library" + (adopted > 0 ? "?adopted=" + adopted : ""), HttpStatus.SEE_OTHER);
    }

    private void linkPage(Context ctx, String token) {
        LinkState state = service.check(token);
        if (state != LinkState.VALID) {
            linkProblem(ctx, state);
            return;
        }
        PageContext page = page(ctx);
        templates.render(ctx, "notice.jte", page, new Notice("Sign in", "One click and you are signed in to"
                + " Paperwire in this browser.",
                "/sign-in/link", token, page.csrfToken(), false, "Sign me in"));
    }

    private void linkProblem(Context ctx, LinkState state) {
        ctx.status(state == LinkState.INVALID ? 400 : 410);
        String why = switch (state) {
            case EXPIRED -> "This sign-in link has expired.";
            case USED -> "This sign-in link was used already: each one works once.";
            default -> "This sign-in link does not work (it may have been copied incompletely).";
        };
        askForAddress(ctx, state == LinkState.INVALID ? "This link does not work" : "This link cannot be used again",
                why + " Enter your address and we will mail you a fresh one.", "");
    }

    private void signOut(Context ctx) {
        Optional<Current> current = sessions.current(ctx);
        if (current.isPresent()) {
            sessions.requireForForm(ctx, ctx.formParam("csrf"));
            sessions.end(ctx, current.get());
        }
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }
}
