package org.paperwire.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Anonymous visitor identity without a login: a random id in an HttpOnly cookie, signed with the instance's
 * secret so that it cannot be forged, and a CSRF token derived from it for every state-changing request.
 */
public final class VisitorCookies {
    public static final String COOKIE = "pw_visitor";
    private static final int ONE_YEAR = 365 * 24 * 3600;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final byte[] secret;
    private final boolean secure;
    private final SecureRandom random = new SecureRandom();

    public VisitorCookies(byte[] secret, boolean secure) {
        this.secret = secret.clone();
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
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
