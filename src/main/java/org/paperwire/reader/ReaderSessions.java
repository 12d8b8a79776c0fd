package org.paperwire.reader;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.Optional;
import org.paperwire.reader.SignInService.Current;
import org.paperwire.reader.SignInService.Started;
import org.paperwire.web.HttpError;

/**
 * The session cookie: {@value #COOKIE} holds the session's random token, HttpOnly, SameSite=Lax, Secure when the
 * instance is reached over https ({@code public-url}) or the request came over https, and lives
 * {@code web.session-idle}, renewed as the session is used. Forms that change a reader's data carry the session's
 * CSRF token besides (SameSite=Lax alone lets top-level cross-site GETs through, and older browsers ignore it).
 */
public final class ReaderSessions {
    public static final String COOKIE = "pw_session";
    private static final String ATTRIBUTE = "paperwire.session";

    private final SignInService service;
    private final boolean httpsPublicUrl;

    public ReaderSessions(SignInService service, boolean httpsPublicUrl) {
        this.service = service;
        this.httpsPublicUrl = httpsPublicUrl;
    }

    /** The request's session, looked up once per request; its cookie is renewed when the session moved on. */
    public Optional<Current> current(Context ctx) {
        Optional<Current> cached = ctx.attribute(ATTRIBUTE);
        if (cached != null) {
            return cached;
        }
        String token = ctx.cookie(COOKIE);
        Optional<Current> current = token == null ? Optional.empty() : service.current(token);
        if (current.isPresent() && current.get().refreshed()) {
            setCookie(ctx, token, (int) service.idle().toSeconds());
        } else if (token != null && current.isEmpty()) {
            setCookie(ctx, "", 0); // ended or unknown: forget it
        }
        ctx.attribute(ATTRIBUTE, current);
        return current;
    }

    /**
     * The request's session, for a form that changes the reader's data: its CSRF token must match.
     *
     * @throws HttpError 401 without a session, 403 with a wrong token
     */
    public Current requireForForm(Context ctx, String csrf) {
        Current c = current(ctx).orElseThrow(() -> new HttpError(401, "Unauthorized",
                "you are not signed in (or your session ended): sign in at /sign-in and try again"));
        if (!service.validCsrf(c.tokenHash(), csrf)) {
            throw new HttpError(403, "Forbidden", "missing or invalid CSRF token: reload the page and try again");
        }
        return c;
    }

    /** The CSRF token of the session's forms. */
    public String csrf(Current c) {
        return service.csrf(c.tokenHash());
    }

    /** Sets the new session's cookie. */
    public void start(Context ctx, Started started) {
        setCookie(ctx, started.token(), (int) service.idle().toSeconds());
    }

    /** Ends the request's session and drops its cookie. */
    public void end(Context ctx, Current c) {
        service.signOut(c.tokenHash());
        setCookie(ctx, "", 0);
        ctx.attribute(ATTRIBUTE, Optional.<Current>empty());
    }

    private void setCookie(Context ctx, String value, int maxAge) {
        Cookie cookie = new Cookie(COOKIE, value, "/", maxAge, httpsPublicUrl || "https".equals(ctx.scheme()));
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.LAX);
        ctx.cookie(cookie);
    }
}
