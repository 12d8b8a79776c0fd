package org.paperwire.web;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.paperwire.net.Cidr;

/**
 * Guards the operator's pages ({@code /digest/status} and its API twin). With {@code web.admin-token} set, a
 * request must carry the token, as {@code Authorization: Bearer TOKEN} (scripts) or as the password of HTTP Basic
 * authentication with any user name (browsers ask for it when the page answers 401); it is compared in constant
 * time. The token never goes in a URL, where logs and browser histories keep it. Without a token, only a client
 * connected from the loopback interface gets in, judged by the socket address alone, and not when the request
 * carries a forwarding header (a reverse proxy on the same machine connects from loopback too).
 */
public final class OperatorAccess {
    private static final List<String> FORWARDING_HEADERS = List.of("Forwarded", "X-Forwarded-For", "X-Real-IP");

    /** SHA-256 of the token, so that tokens of any length compare in the same time; null without a token. */
    private final byte[] tokenHash;

    /** @param token the configured {@code web.admin-token}; empty allows loopback clients only */
    public OperatorAccess(String token) {
        this.tokenHash = token.isEmpty() ? null : sha256(token);
    }

    /**
     * Returns when the request may see operator pages.
     *
     * @throws HttpError 401 (with a {@code WWW-Authenticate} challenge) for a missing or wrong token, 403 for a
     *     client that is not on loopback while no token is configured
     */
    public void require(Context ctx) {
        if (tokenHash == null) {
            if (!fromLoopback(ctx)) {
                throw new HttpError(403, "Forbidden", "operator pages answer only on the server itself (loopback)"
                        + " while web.admin-token is not set; set it (PAPERWIRE_WEB_ADMIN_TOKEN) and send it as"
                        + " 'Authorization: Bearer TOKEN'");
            }
            return;
        }
        String presented = presentedToken(ctx.header("Authorization"));
        if (presented == null || !MessageDigest.isEqual(tokenHash, sha256(presented))) {
            ctx.header("WWW-Authenticate", WebServer.wantsJson(ctx) ? "Bearer realm=\"Paperwire operator\""
                    : "Basic realm=\"Paperwire operator\", charset=\"UTF-8\"");
            throw new HttpError(401, "Unauthorized", (presented == null ? "" : "wrong token: ") + "this is for the"
                    + " operator: send web.admin-token as 'Authorization: Bearer TOKEN' (in a browser, sign in with"
                    + " any user name and the token as password)");
        }
    }

    /** The token of a Bearer header, or the password of a Basic one; null when there is none. */
    static String presentedToken(String authorization) {
        if (authorization == null) {
            return null;
        }
        String header = authorization.strip();
        int space = header.indexOf(' ');
        if (space < 0) {
            return null;
        }
        String credentials = header.substring(space + 1).strip();
        return switch (header.substring(0, space).toLowerCase(Locale.ROOT)) {
            case "bearer" -> credentials;
            case "basic" -> basicPassword(credentials);
            default -> null;
        };
    }

    private static String basicPassword(String credentials) {
        try {
            String pair = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon < 0 ? null : pair.substring(colon + 1);
        } catch (IllegalArgumentException e) {
            return null; // not base64: no credentials
        }
    }

    private static boolean fromLoopback(Context ctx) {
        if (FORWARDING_HEADERS.stream().anyMatch(h -> ctx.header(h) != null)) {
            return false;
        }
        // only a literal address, so nothing is looked up
        return Cidr.address(ctx.req().getRemoteAddr()).map(InetAddress::isLoopbackAddress).orElse(false);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
