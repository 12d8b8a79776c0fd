package org.paperwire.subscription;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.paperwire.mail.MailMessage;
import org.paperwire.subscription.LinkTokens.Purpose;
import org.paperwire.subscription.LinkTokens.Verdict;
import org.paperwire.subscription.Subscriber.Status;
import org.paperwire.web.RateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribing with double opt-in, confirming, managing and unsubscribing. Every way in answers the same
 * whether or not the address is known (no account enumeration); what differs happens only in the mails,
 * which go to the address itself and at most one per {@code mailInterval} per address. Mails are queued in the
 * outbox and sent by its sender, never inside the request, so a slow SMTP server shows in no answer's timing.
 */
public final class SubscriptionService {
    private static final Logger log = LoggerFactory.getLogger(SubscriptionService.class);

    /** Why a subscribe request was turned away: only the client's own rate shows, never the address's state. */
    public enum Outcome { ACCEPTED, TOO_MANY_REQUESTS }

    /** A link that did not work, and whether a fresh one can be asked for. */
    public static final class LinkException extends RuntimeException {
        private final boolean expired;

        LinkException(boolean expired) {
            super(expired ? "this link has expired; ask for a fresh one below"
                    : "this link is no longer valid (its subscription was removed, renewed or never confirmed in"
                    + " time, or the link was copied incompletely)");
            this.expired = expired;
        }

        public boolean expired() {
            return expired;
        }
    }

    private final SubscriberStore store;
    private final SubscriberOutbox outbox;
    private final Function<Subscriber, MailMessage> confirmation;
    private final Function<Subscriber, MailMessage> manageLink;
    private final LinkTokens tokens;
    private final InstantSource clock;
    private final Duration mailInterval;
    private final RateLimiter perClient;
    private final Preferences defaults;
    private final Period pendingTtl;

    /**
     * @param pendingTtl how long a subscription may stay unconfirmed after its last subscribe request or
     *     confirmation mail; then it is deleted
     */
    public SubscriptionService(SubscriberStore store, SubscriberOutbox outbox, Function<Subscriber, MailMessage> confirmation,
            Function<Subscriber, MailMessage> manageLink, LinkTokens tokens, InstantSource clock, Duration mailInterval,
            int perClientPerHour, Preferences defaults, Period pendingTtl) {
        this.store = store;
        this.outbox = outbox;
        this.confirmation = confirmation;
        this.manageLink = manageLink;
        this.tokens = tokens;
        this.clock = clock;
        this.mailInterval = mailInterval;
        this.perClient = new RateLimiter(perClientPerHour, Duration.ofHours(1), clock);
        this.defaults = defaults;
        this.pendingTtl = pendingTtl;
    }

    public Preferences defaults() {
        return defaults;
    }

    /**
     * A subscribe request from the form or the API. New and unsubscribed addresses get a confirmation mail;
     * pending ones get it again; active ones get a link to their settings. The answer is the same for all.
     *
     * @throws IllegalArgumentException for an address that is not one
     */
    public Outcome subscribe(String rawEmail, List<Topic> topics, String client) {
        String email = EmailAddress.parseOrThrow(rawEmail);
        if (!perClient.tryAcquire(client)) {
            return Outcome.TOO_MANY_REQUESTS;
        }
        List<Topic> chosen = topics.isEmpty() ? List.of(Topic.of(Topic.Kind.TRENDING, "")) : topics;
        deleteExpiredPending(); // an expired pending address starts afresh: new id, new link key
        Subscriber s = store.create(email, Status.PENDING, defaults, chosen, clock.instant()).subscriber();
        if (s.status() == Status.UNSUBSCRIBED) {
            store.resubscribe(s.id(), clock.instant());
            s = store.find(s.id()).orElseThrow();
        }
        mailIfAllowed(s, s.active());
        return Outcome.ACCEPTED;
    }

    /** An operator's subscription: no confirmation mail when {@code confirmed}; returns whether it was new. */
    public boolean add(String rawEmail, List<Topic> topics, boolean confirmed) {
        String email = EmailAddress.parseOrThrow(rawEmail);
        List<Topic> chosen = topics.isEmpty() ? List.of(Topic.of(Topic.Kind.TRENDING, "")) : topics;
        deleteExpiredPending();
        SubscriberStore.Created created = store.create(email, confirmed ? Status.ACTIVE : Status.PENDING, defaults,
                chosen, clock.instant());
        Subscriber s = created.subscriber();
        if (!created.isNew()) {
            store.update(s.id(), s.preferences(), chosen);
            if (s.status() == Status.UNSUBSCRIBED) {
                store.resubscribe(s.id(), clock.instant());
            }
        }
        if (confirmed) {
            store.confirm(s.id(), clock.instant());
        } else {
            Subscriber now = store.find(s.id()).orElseThrow();
            if (!now.active()) {
                mailIfAllowed(now, false);
            }
        }
        return created.isNew();
    }

    /** Someone lost or let expire their link: mail a fresh one if the address is known. Same answer either way. */
    public Outcome requestLink(String rawEmail, String client) {
        Optional<String> email = EmailAddress.parse(rawEmail);
        if (!perClient.tryAcquire(client)) {
            return Outcome.TOO_MANY_REQUESTS;
        }
        deleteExpiredPending();
        email.flatMap(store::findByEmail).filter(s -> s.status() != Status.UNSUBSCRIBED)
                .ifPresent(s -> mailIfAllowed(s, s.active()));
        return Outcome.ACCEPTED;
    }

    /**
     * Deletes the pending subscriptions that were not confirmed within {@code subscription.pending-ttl} of their
     * last subscribe request or confirmation mail. Runs before each subscribe and link request and hourly in
     * {@code serve}.
     *
     * @return how many were deleted
     */
    public int deleteExpiredPending() {
        int deleted = store.deletePendingSince(pendingCutoff());
        if (deleted > 0) {
            log.info("deleted {} subscriptions not confirmed within subscription.pending-ttl ({})", deleted, pendingTtl);
        }
        return deleted;
    }

    private Instant pendingCutoff() {
        return clock.instant().atZone(ZoneOffset.UTC).minus(pendingTtl).toInstant();
    }

    /**
     * Queues a link to the settings ({@code manage}) or the confirmation mail, unless the address got one within
     * {@code mailInterval}. Only queued: the outbox's sender delivers it, with retries, off the request path.
     */
    private void mailIfAllowed(Subscriber s, boolean manage) {
        if (!store.claimMailSlot(s.id(), clock.instant(), mailInterval)) {
            log.info("not mailing subscriber {} again so soon (subscription.mail-interval)", s.id());
            return;
        }
        outbox.queue(s, manage ? "manage" : "confirm", (manage ? manageLink : confirmation).apply(s));
    }

    public Subscriber confirm(String token) {
        Subscriber s = subscriber(token, Purpose.CONFIRM);
        if (!store.confirm(s.id(), clock.instant())) {
            throw new LinkException(false); // removed or unsubscribed since the link was checked
        }
        return store.find(s.id()).orElseThrow(() -> new LinkException(false));
    }

    /** The subscriber a manage link belongs to. */
    public Subscriber manage(String token) {
        return subscriber(token, Purpose.MANAGE);
    }

    public Subscriber update(String token, Preferences prefs, List<Topic> topics) {
        Subscriber s = subscriber(token, Purpose.MANAGE);
        store.update(s.id(), prefs, topics);
        if (prefs.frequency() == Preferences.Frequency.PAUSED) {
            outbox.cancelDigests(s.id()); // built before the pause: never sent, also not after resuming
        }
        return store.find(s.id()).orElseThrow(() -> new LinkException(false));
    }

    /**
     * Unsubscribes with an unsubscribe or manage link, expired or not (leaving should never need a fresh link);
     * again on an already unsubscribed address is fine.
     */
    public void unsubscribe(String token) {
        Subscriber s = unsubscribing(token);
        if (s.status() == Status.UNSUBSCRIBED) {
            return;
        }
        store.unsubscribe(s.id());
        outbox.cancelDigests(s.id()); // built and not sent yet: never sent, also not after a re-subscribe
        log.info("subscriber {} unsubscribed", s.id());
    }

    /**
     * The subscriber an unsubscribe or manage link (expired or not) was issued to, if it is still theirs. Reads only.
     *
     * @throws LinkException otherwise
     */
    public Subscriber unsubscribing(String token) {
        Subscriber s = linked(token);
        if (tokens.verify(token, Purpose.UNSUBSCRIBE, s) == Verdict.INVALID
                && tokens.verify(token, Purpose.MANAGE, s) == Verdict.INVALID) {
            throw new LinkException(false);
        }
        return s;
    }

    /**
     * The subscriber a link of {@code purpose} was issued to, if the link is genuine, unexpired and still theirs,
     * and the subscription is neither unsubscribed nor expired unconfirmed. Reads only.
     *
     * @throws LinkException otherwise
     */
    public Subscriber subscriber(String token, Purpose purpose) {
        Subscriber s = linked(token);
        switch (tokens.verify(token, purpose, s)) {
            case INVALID -> throw new LinkException(false);
            case EXPIRED -> throw new LinkException(true);
            case VALID -> { }
        }
        if (s.status() == Status.UNSUBSCRIBED || expiredPending(s)) {
            throw new LinkException(false);
        }
        return s;
    }

    /** The subscriber a token names, unverified; a link to a removed subscriber is simply no longer valid. */
    private Subscriber linked(String token) {
        OptionalLong id = LinkTokens.subscriberId(token);
        return (id.isPresent() ? store.find(id.getAsLong()) : Optional.<Subscriber>empty())
                .orElseThrow(() -> new LinkException(false));
    }

    private boolean expiredPending(Subscriber s) {
        return s.status() == Status.PENDING && s.pendingSince() != null && !s.pendingSince().isAfter(pendingCutoff());
    }

    public LinkTokens tokens() {
        return tokens;
    }
}
