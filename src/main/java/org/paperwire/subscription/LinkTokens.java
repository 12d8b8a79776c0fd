package org.paperwire.subscription;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.InstantSource;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paperwire.net.Hmac;

/**
 * Signed, expiring tokens for the links in mails: {@code purpose.subscriber.expiry.signature}, where the signature
 * is HMAC-SHA256 with the instance secret over the purpose, the subscriber id, the expiry and the subscriber's
 * random link key. Nothing is stored per link. The key is not in the token, so a token verifies only against the
 * subscriber it was issued to: a removed subscriber's links never act on a later one (whatever its id), and a
 * re-subscription, which gets a new key, retires every link issued before.
 */
public final class LinkTokens {
    /** What a link lets its holder do. */
    public enum Purpose { CONFIRM, MANAGE, UNSUBSCRIBE }

    /** What a token is worth for one subscriber and purpose; {@code EXPIRED} ones are genuine and can be re-requested. */
    public enum Verdict { VALID, INVALID, EXPIRED }

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    /** Unsubscribe links must keep working in old mails (RFC 8058 asks for that), so they live for years. */
    private static final Period UNSUBSCRIBE_TTL = Period.ofYears(5);
    private static final int MAX_LENGTH = 200;
    /** Purpose letter, subscriber id, expiry (epoch seconds), signature. */
    private static final Pattern TOKEN = Pattern.compile("([CMU])\\.([1-9][0-9]{0,17})\\.([0-9]{1,12})\\.([A-Za-z0-9_-]{43})");

    private final Hmac hmac;
    private final InstantSource clock;
    private final Period ttl;

    public LinkTokens(byte[] secret, InstantSource clock, Period ttl) {
        this.hmac = new Hmac(secret);
        this.clock = clock;
        this.ttl = ttl;
    }

    public String issue(Purpose purpose, Subscriber s) {
        Period life = purpose == Purpose.UNSUBSCRIBE ? UNSUBSCRIBE_TTL : ttl;
        long expires = clock.instant().atZone(ZoneOffset.UTC).plus(life).toEpochSecond();
        String body = purpose.name().charAt(0) + "." + s.id() + "." + expires;
        return body + "." + sign(body, s.linkKey());
    }

    /**
     * The subscriber id a token names, read without checking anything else: look that subscriber up, then
     * {@link #verify} the token against it. Empty for anything that is not shaped like a token.
     */
    public static OptionalLong subscriberId(String token) {
        Matcher m = match(token);
        return m == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(m.group(2)));
    }

    /**
     * Whether {@code token} was issued to {@code s}, as it is now (same link key), for {@code purpose}, and has
     * not expired. Expiry is judged only for a genuine token.
     */
    public Verdict verify(String token, Purpose purpose, Subscriber s) {
        Matcher m = match(token);
        if (m == null) {
            return Verdict.INVALID;
        }
        String body = token.substring(0, m.start(4) - 1);
        byte[] expected = sign(body, s.linkKey()).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, m.group(4).getBytes(StandardCharsets.US_ASCII))
                || Long.parseLong(m.group(2)) != s.id() || m.group(1).charAt(0) != purpose.name().charAt(0)) {
            return Verdict.INVALID;
        }
        return clock.instant().getEpochSecond() < Long.parseLong(m.group(3)) ? Verdict.VALID : Verdict.EXPIRED;
    }

    private static Matcher match(String token) {
        if (token == null || token.length() > MAX_LENGTH) {
            return null;
        }
        Matcher m = TOKEN.matcher(token);
        return m.matches() ? m : null;
    }

    private String sign(String body, String linkKey) {
        // the body holds no '|' and the key is hex: two different (body, key) pairs never sign the same text
        return B64.encodeToString(hmac.sign("link|" + body + "|" + linkKey));
    }
}
