package org.paperwire.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.paperwire.net.Hmac;

/**
 * Anonymous visitor identity without a login: a random id in an HttpOnly cookie, signed with the instance's
 * secret so that it cannot be forged, and a CSRF token derived from it for every state-changing request.
 */
public final class VisitorCookies {
    public static final String COOKIE = "pw_visitor";
    private static final int ONE_YEAR = 365 * 24 * 3600;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final Hmac hmac;
    private final boolean secure;
    private final SecureRandom random = new SecureRandom();

    public VisitorCookies(byte[] secret, boolean secure) {
        this.hmac = new Hmac(secret);
        this.secure = secure;
    }

    /** The visitor's id from a valid cookie, if the request has one. */
    public Optional<String> visitor(Context ctx) {
        String value = ctx.cookie(COOKIE);
        if (value == null) {
            return Optional.empty();
        }
        int dot = value.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String id = value.substring(0, dot);
        byte[] expected = sign("visitor|" + id).getBytes(StandardCharsets.US_ASCII);
        byte[] given = value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Optional.of(id) : Optional.empty();
    }

    /** The visitor's id, issuing a new signed cookie when the request has none. */
    public String visitorOrIssue(Context ctx) {
        return visitor(ctx).orElseGet(() -> {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            String id = B64.encodeToString(bytes);
            Cookie cookie = new Cookie(COOKIE, id + "." + sign("visitor|" + id), "/", ONE_YEAR, secure);
            cookie.setHttpOnly(true);
            cookie.setSameSite(SameSite.LAX);
            ctx.cookie(cookie);
            return id;
        });
    }

    /** The CSRF token forms and scripts must send back with a POST. */
    public String csrfToken(String visitor) {
        return sign("csrf|" + visitor);
    }

    /** True when {@code token} is this visitor's CSRF token. */
    public boolean validCsrf(String visitor, String token) {
        return token != null && MessageDigest.isEqual(csrfToken(visitor).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(String text) {
        return B64.encodeToString(hmac.sign(text));
    }
}
