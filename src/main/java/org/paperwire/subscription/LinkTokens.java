package org.paperwire.subscription;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.InstantSource;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, expiring tokens for the links in mails: {@code purpose.subscriber.linkVersion.expiry.signature},
 * HMAC-SHA256 with the instance secret. Nothing is stored per link; unsubscribing bumps the subscriber's link
 * version, which retires every link issued before.
 */
public final class LinkTokens {
    /** What a link lets its holder do. */
    public enum Purpose { CONFIRM, MANAGE, UNSUBSCRIBE }

    /** A verified token. */
    public record Claims(Purpose purpose, long subscriberId, int linkVersion, Instant expires) {}

    /** Why a token was refused; {@code EXPIRED} ones can be re-requested. */
    public enum Problem { INVALID, EXPIRED }

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    /** Unsubscribe links must keep working in old mails (RFC 8058 asks for that), so they live for years. */
    private static final Period UNSUBSCRIBE_TTL = Period.ofYears(5);

    private final byte[] secret;
    private final InstantSource clock;
    private final Period ttl;

    public LinkTokens(byte[] secret, InstantSource clock, Period ttl) {
        this.secret = secret.clone();
        this.clock = clock;
        this.ttl = ttl;
    }

    public String issue(Purpose purpose, Subscriber s) {
        Period life = purpose == Purpose.UNSUBSCRIBE ? UNSUBSCRIBE_TTL : ttl;
        long expires = clock.instant().atZone(ZoneOffset.UTC).plus(life).toEpochSecond();
        String body = purpose.name().charAt(0) + "." + s.id() + "." + s.linkVersion() + "." + expires;
        return body + "." + sign(body);
    }

    /** The token's claims when it is genuine, of {@code purpose}, and not expired. */
    public Result verify(String token, Purpose purpose) {
        if (token == null || token.length() > 200) {
            return new Result(Optional.empty(), Problem.INVALID);
        }
        int last = token.lastIndexOf('.');
        if (last < 0) {
            return new Result(Optional.empty(), Problem.INVALID);
        }
        String body = token.substring(0, last);
        if (!MessageDigest.isEqual(sign(body).getBytes(StandardCharsets.US_ASCII),
                token.substring(last + 1).getBytes(StandardCharsets.US_ASCII))) {
            return new Result(Optional.empty(), Problem.INVALID);
        }
        String[] parts = body.split("\\.");
        if (parts.length != 4 || parts[0].charAt(0) != purpose.name().charAt(0)) {
            return new Result(Optional.empty(), Problem.INVALID);
        }
        Claims claims = new Claims(purpose, Long.parseLong(parts[1]), Integer.parseInt(parts[2]),
                Instant.ofEpochSecond(Long.parseLong(parts[3])));
        if (!clock.instant().isBefore(claims.expires())) {
            return new Result(Optional.of(claims), Problem.EXPIRED);
        }
        return new Result(Optional.of(claims), null);
    }

    /** A verification: claims (also for an expired token, so the page can offer a fresh link) and the problem. */
    public record Result(Optional<Claims> claims, Problem problem) {
        public boolean valid() {
            return problem == null;
        }
    }

    private String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(("link|" + text).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
