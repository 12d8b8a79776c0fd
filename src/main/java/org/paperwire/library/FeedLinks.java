package org.paperwire.library;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paperwire.net.Hmac;
import org.paperwire.subscription.Subscriber;

/**
 * The private Atom feed of a collection's recommendations: {@code /feeds/for-you/COLLECTION.atom?t=READER.SIGNATURE},
 * where the signature is HMAC-SHA256 with the instance secret over the reader, the collection and the reader's link
 * key, like the links in mails ({@code LinkTokens}, {@link RatingLinks}). Nothing is stored per feed, and a feed
 * reader cannot be asked to sign in, so the URL itself is the credential: it does not expire, and removing the
 * subscription or subscribing again (a new link key) retires every feed URL issued before.
 */
public final class FeedLinks {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final int MAX_LENGTH = 100;
    private static final Pattern TOKEN = Pattern.compile("([1-9][0-9]{0,17})\\.([A-Za-z0-9_-]{43})");

    private final URI base;
    private final Hmac hmac;

    public FeedLinks(URI publicUrl, byte[] secret) {
        this.base = publicUrl;
        this.hmac = new Hmac(secret);
    }

    /** The path of a collection's feed, without its token. */
    public static String path(long collectionId) {
        return "/feeds/for-you/" + collectionId + ".atom";
    }

    /** The full URL of the feed of collection {@code collectionId} of {@code s}, to paste into a feed reader. */
    public String url(Subscriber s, long collectionId) {
        return base + path(collectionId) + "?t=" + token(s, collectionId);
    }

    String token(Subscriber s, long collectionId) {
        return s.id() + "." + sign(s.id(), collectionId, s.linkKey());
    }

    /** The reader a token names, read without checking it; empty for anything not shaped like a token. */
    public static OptionalLong readerId(String token) {
        Matcher m = match(token);
        return m == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(m.group(1)));
    }

    /** Whether {@code token} was issued to {@code s}, as it is now (same link key), for this collection's feed. */
    public boolean verify(String token, long collectionId, Subscriber s) {
        Matcher m = match(token);
        if (m == null || Long.parseLong(m.group(1)) != s.id()) {
            return false;
        }
        byte[] expected = sign(s.id(), collectionId, s.linkKey()).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, m.group(2).getBytes(StandardCharsets.US_ASCII));
    }

    private static Matcher match(String token) {
        if (token == null || token.length() > MAX_LENGTH) {
            return null;
        }
        Matcher m = TOKEN.matcher(token);
        return m.matches() ? m : null;
    }

    private String sign(long readerId, long collectionId, String linkKey) {
        // numbers and a hex key hold no '|': the signed text splits one way only
        return B64.encodeToString(hmac.sign("feed|" + readerId + "|" + collectionId + "|" + linkKey));
    }
}
