package org.paperwire.library;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.InstantSource;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paperwire.net.Hmac;
import org.paperwire.paper.ArxivId;
import org.paperwire.subscription.LinkTokens.Verdict;
import org.paperwire.subscription.Subscriber;

/**
 * Signed links that rate a paper from a mail: {@code /rate?t=READER.COLLECTION.more|less.EXPIRY.SIGNATURE.PAPER}.
 * The signature is HMAC-SHA256 with the instance secret over all of it and the subscriber's link key, like the
 * subscription links ({@code LinkTokens}): a removed or re-subscribed subscriber's rating links stop working. The
 * link opens a page with one button (mail scanners fetch links); its POST rates. They live as long as the other
 * links in mails ({@code subscription.link-ttl}).
 */
public final class RatingLinks {
    /** Both links of one paper in one collection, for a mail. */
    public record Links(String moreLikeThis, String notForMe) {}

    /** What a rating link asks for; the signature is checked by {@link #verify}. */
    public record Request(long readerId, long collectionId, Rating rating, String paperId) {}

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final int MAX_LENGTH = 200;
    private static final Pattern TOKEN = Pattern.compile(
            "([1-9][0-9]{0,17})\\.([1-9][0-9]{0,17})\\.(more|less)\\.([0-9]{1,12})\\.([A-Za-z0-9_-]{43})\\.(.{1,64})");

    private final URI base;
    private final Hmac hmac;
    private final InstantSource clock;
    private final Period ttl;

    public RatingLinks(URI publicUrl, byte[] secret, InstantSource clock, Period ttl) {
        this.base = publicUrl;
        this.hmac = new Hmac(secret);
        this.clock = clock;
        this.ttl = ttl;
    }

    /** The "more like this" and "not for me" links of {@code paperId} in collection {@code collectionId} of {@code s}. */
    public Links links(Subscriber s, long collectionId, String paperId) {
        return new Links(link(s, collectionId, paperId, Rating.MORE_LIKE_THIS),
                link(s, collectionId, paperId, Rating.NOT_FOR_ME));
    }

    public String link(Subscriber s, long collectionId, String paperId, Rating rating) {
        return base + "/rate?t=" + URLEncoder.encode(token(s, collectionId, paperId, rating), StandardCharsets.UTF_8);
    }

    String token(Subscriber s, long collectionId, String paperId, Rating rating) {
        String id = ArxivId.parseOrThrow(paperId).id();
        long expires = clock.instant().atZone(ZoneOffset.UTC).plus(ttl).toEpochSecond();
        String head = s.id() + "." + collectionId + "." + rating.slug() + "." + expires;
        return head + "." + sign(head, id, s.linkKey()) + "." + id;
    }

    /** What {@code token} asks for, read without checking the signature; empty for anything not shaped like one. */
    public static Optional<Request> parse(String token) {
        Matcher m = match(token);
        if (m == null || ArxivId.parse(m.group(6)).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Request(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                Rating.bySlug(m.group(3)).orElseThrow(), m.group(6)));
    }

    /** Whether {@code token} was issued to {@code s} as it is now (same link key) and has not expired. */
    public Verdict verify(String token, Subscriber s) {
        Matcher m = match(token);
        if (m == null || Long.parseLong(m.group(1)) != s.id()) {
            return Verdict.INVALID;
        }
        String head = token.substring(0, m.start(5) - 1);
        byte[] expected = sign(head, m.group(6), s.linkKey()).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, m.group(5).getBytes(StandardCharsets.US_ASCII))) {
            return Verdict.INVALID;
        }
        return clock.instant().getEpochSecond() < Long.parseLong(m.group(4)) ? Verdict.VALID : Verdict.EXPIRED;
    }

    private static Matcher match(String token) {
        if (token == null || token.length() > MAX_LENGTH) {
            return null;
        }
        Matcher m = TOKEN.matcher(token);
        return m.matches() ? m : null;
    }

    private String sign(String head, String paperId, String linkKey) {
        // head holds no '|', and paper ids and hex keys hold none either: the signed text splits one way only
        return B64.encodeToString(hmac.sign("rate|" + head + "|" + paperId + "|" + linkKey));
    }
}
