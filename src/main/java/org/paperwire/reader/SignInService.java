package org.paperwire.reader;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.paperwire.mail.MailMessage;
import org.paperwire.net.Hmac;
import org.paperwire.subscription.EmailAddress;
import org.paperwire.subscription.Subscriber;
import org.paperwire.subscription.SubscriberOutbox;
import org.paperwire.subscription.SubscriberStore;
import org.paperwire.web.RateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signing in without a password: a reader is an active subscriber's address. Asking for a link queues a mail with
 * a random, single-use token that expires after {@code web.sign-in-ttl}; using it starts a session whose random
 * token lives in the reader's cookie and ends after {@code web.session-idle} without a request. Only SHA-256
 * hashes of both tokens are stored. Every request for a link answers the same whatever the address (no account
 * enumeration); only active subscribers are mailed, at most {@value #LINKS_PER_HOUR} links an hour each.
 */
public final class SignInService {
    private static final Logger log = LoggerFactory.getLogger(SignInService.class);
    /** Sign-in mails one address gets per hour at most, whoever asks. */
    static final int LINKS_PER_HOUR = 5;
    /** The longest a session goes without moving its last-seen time (and re-issuing its cookie). */
    private static final Duration MAX_TOUCH_INTERVAL = Duration.ofHours(1);
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    /** Why a request for a link was turned away: only the client's own rate shows, never the address's state. */
    public enum Outcome { ACCEPTED, TOO_MANY_REQUESTS }

    /** What a sign-in link is worth now. */
    public enum LinkState { VALID, INVALID, EXPIRED, USED }

    /** A session just started: the token for the cookie and its reader. */
    public record Started(String token, Subscriber reader) {}

    /** The session of a request: its stored hash, its reader, and whether its cookie should be re-issued now. */
    public record Current(String tokenHash, Subscriber reader, boolean refreshed) {}

    private final SessionStore store;
    private final SubscriberStore subscribers;
    private final SubscriberOutbox outbox;
    private final BiFunction<Subscriber, String, MailMessage> mail;
    private final InstantSource clock;
    private final Duration linkTtl;
    private final Duration idle;
    private final RateLimiter perClient;
    private final Hmac hmac;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param mail the sign-in mail to a subscriber with the link's token
     * @param secret the instance secret, which signs the sessions' CSRF tokens
     */
    public SignInService(SessionStore store, SubscriberStore subscribers, SubscriberOutbox outbox,
            BiFunction<Subscriber, String, MailMessage> mail, InstantSource clock, Duration linkTtl, Duration idle,
            int perClientPerHour, byte[] secret) {
        this.store = store;
        this.subscribers = subscribers;
        this.outbox = outbox;
        this.mail = mail;
        this.clock = clock;
        this.linkTtl = linkTtl;
        this.idle = idle;
        this.perClient = new RateLimiter(perClientPerHour, Duration.ofHours(1), clock);
        this.hmac = new Hmac(secret);
    }

    /** How long a session lives without a request: the cookie's lifetime. */
    public Duration idle() {
        return idle;
    }

    /**
     * Mails a sign-in link if {@code rawEmail} is an active subscriber's address that has not had
     * {@value #LINKS_PER_HOUR} links in the last hour. The answer is the same for every address.
     */
    public Outcome requestLink(String rawEmail, String client) {
        Optional<String> email = EmailAddress.parse(rawEmail);
        if (!perClient.tryAcquire(client)) {
            return Outcome.TOO_MANY_REQUESTS;
        }
        deleteExpired();
        email.flatMap(subscribers::findByEmail).filter(Subscriber::active).ifPresent(this::mailLink);
        return Outcome.ACCEPTED;
    }

    private void mailLink(Subscriber s) {
        Instant now = clock.instant();
        if (store.signInsSince(s.id(), now.minus(Duration.ofHours(1))) >= LINKS_PER_HOUR) {
            log.info("not mailing subscriber {} another sign-in link this hour", s.id());
            return;
        }
        String token = newToken();
        store.addSignIn(hash(token), s.id(), now, now.plus(linkTtl));
        outbox.queue(s, "sign-in", mail.apply(s, token));
    }

    /** What the link with {@code token} is worth now; reads only (the page a mail scanner may fetch). */
    public LinkState check(String token) {
        if (!wellFormed(token)) {
            return LinkState.INVALID;
        }
        return store.signIn(hash(token)).map(link -> link.used() ? LinkState.USED
                : clock.instant().isBefore(link.expiresAt()) ? LinkState.VALID : LinkState.EXPIRED)
                .orElse(LinkState.INVALID);
    }

    /** Uses the link and starts a session; empty when the link is not {@link LinkState#VALID} (any more). */
    public Optional<Started> signIn(String token) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        String session = newToken();
        OptionalLong reader = store.useSignIn(hash(token), hash(session), clock.instant());
        if (reader.isEmpty()) {
            return Optional.empty();
        }
        Subscriber s = subscribers.find(reader.getAsLong()).orElseThrow();
        log.info("subscriber {} signed in", s.id());
        return Optional.of(new Started(session, s));
    }

    /** The session {@code token} (a cookie's value) belongs to, unless it ended; moves its last-seen time now and then. */
    public Optional<Current> current(String token) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        String hash = hash(token);
        Optional<SessionStore.Session> session = store.session(hash);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant lastSeen = session.get().lastSeenAt();
        if (!now.isBefore(lastSeen.plus(idle))) {
            store.endSession(hash);
            return Optional.empty();
        }
        Optional<Subscriber> reader = subscribers.find(session.get().readerId());
        if (reader.isEmpty()) {
            return Optional.empty();
        }
        boolean refresh = !now.isBefore(lastSeen.plus(touchInterval()));
        if (refresh) {
            store.touch(hash, now);
        }
        return Optional.of(new Current(hash, reader.get(), refresh));
    }

    /** A tenth of the idle time, at most an hour: a session's row is written that rarely, not on every request. */
    private Duration touchInterval() {
        Duration tenth = idle.dividedBy(10);
        return tenth.compareTo(MAX_TOUCH_INTERVAL) < 0 ? tenth : MAX_TOUCH_INTERVAL;
    }

    /** Ends the session of {@code tokenHash}. */
    public void signOut(String tokenHash) {
        store.endSession(tokenHash);
    }

    /** The CSRF token every form of this session carries. */
    public String csrf(String tokenHash) {
        return B64.encodeToString(hmac.sign("session-csrf|" + tokenHash));
    }

    public boolean validCsrf(String tokenHash, String token) {
        return token != null && MessageDigest.isEqual(csrf(tokenHash).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    /** Deletes ended sessions and expired sign-in links; runs before each link request. */
    public int deleteExpired() {
        Instant now = clock.instant();
        return store.deleteExpired(now.minus(idle), now);
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return B64.encodeToString(bytes);
    }

    private static boolean wellFormed(String token) {
        return token != null && TOKEN.matcher(token).matches();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
