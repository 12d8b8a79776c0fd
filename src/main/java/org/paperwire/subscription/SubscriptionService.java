package org.paperwire.subscription;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.paperwire.mail.MailException;
import org.paperwire.mail.MailMessage;
import org.paperwire.mail.Mailer;
import org.paperwire.subscription.LinkTokens.Problem;
import org.paperwire.subscription.LinkTokens.Purpose;
import org.paperwire.subscription.Subscriber.Status;
import org.paperwire.web.RateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribing with double opt-in, confirming, managing and unsubscribing. Every way in answers the same
 * whether or not the address is known (no account enumeration); what differs happens only in the mails,
 * which go to the address itself and at most one per {@code mailInterval} per address.
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
                    : "this link is not valid (it may have been copied incompletely, or replaced by a newer one)");
            this.expired = expired;
        }

        public boolean expired() {
            return expired;
        }
    }

    private final SubscriberStore store;
    private final Mailer mailer;
    private final Function<Subscriber, MailMessage> confirmation;
    private final Function<Subscriber, MailMessage> manageLink;
    private final LinkTokens tokens;
    private final InstantSource clock;
    private final Duration mailInterval;
    private final RateLimiter perClient;
    private final Preferences defaults;

    public SubscriptionService(SubscriberStore store, Mailer mailer, Function<Subscriber, MailMessage> confirmation,
            Function<Subscriber, MailMessage> manageLink, LinkTokens tokens, InstantSource clock, Duration mailInterval,
            int perClientPerHour, Preferences defaults) {
        this.store = store;
        this.mailer = mailer;
        this.confirmation = confirmation;
        this.manageLink = manageLink;
        this.tokens = tokens;
        this.clock = clock;
        this.mailInterval = mailInterval;
        this.perClient = new RateLimiter(perClientPerHour, Duration.ofHours(1), clock);
        this.defaults = defaults;
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
        Subscriber s = store.create(email, Status.PENDING, defaults, chosen, clock.instant()).subscriber();
        if (s.status() == Status.UNSUBSCRIBED) {
            store.resubscribe(s.id());
            s = store.find(s.id()).orElseThrow();
        }
        mailIfAllowed(s, s.active() ? manageLink : confirmation);
        return Outcome.ACCEPTED;
    }

    /** An operator's subscription: no confirmation mail when {@code confirmed}; returns whether it was new. */
    public boolean add(String rawEmail, List<Topic> topics, boolean confirmed) {
        String email = EmailAddress.parseOrThrow(rawEmail);
        List<Topic> chosen = topics.isEmpty() ? List.of(Topic.of(Topic.Kind.TRENDING, "")) : topics;
        SubscriberStore.Created created = store.create(email, confirmed ? Status.ACTIVE : Status.PENDING, defaults,
                chosen, clock.instant());
        Subscriber s = created.subscriber();
        if (!created.isNew()) {
            store.update(s.id(), s.preferences(), chosen);
            if (s.status() == Status.UNSUBSCRIBED) {
                store.resubscribe(s.id());
            }
        }
        if (confirmed) {
            store.confirm(s.id(), clock.instant());
        } else {
            Subscriber now = store.find(s.id()).orElseThrow();
            if (!now.active()) {
                mailIfAllowed(now, confirmation);
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
        email.flatMap(store::findByEmail).filter(s -> s.status() != Status.UNSUBSCRIBED)
                .ifPresent(s -> mailIfAllowed(s, s.active() ? manageLink : confirmation));
        return Outcome.ACCEPTED;
    }

    private void mailIfAllowed(Subscriber s, Function<Subscriber, MailMessage> mail) {
        if (!store.claimMailSlot(s.id(), clock.instant(), mailInterval)) {
            log.info("not mailing subscriber {} again so soon (subscription.mail-interval)", s.id());
            return;
        }
        try {
            mailer.send(mail.apply(s));
        } catch (MailException e) {
            // the visitor sees the same answer; the operator sees why in the log
            log.warn("could not mail subscriber {}: {}", s.id(), e.getMessage());
        }
    }

    public Subscriber confirm(String token) {
        Subscriber s = subscriber(token, Purpose.CONFIRM);
        store.confirm(s.id(), clock.instant());
        return store.find(s.id()).orElseThrow();
    }

    /** The subscriber a manage link belongs to. */
    public Subscriber manage(String token) {
        return subscriber(token, Purpose.MANAGE);
    }

    public Subscriber update(String token, Preferences prefs, List<Topic> topics) {
        Subscriber s = subscriber(token, Purpose.MANAGE);
        store.update(s.id(), prefs, topics);
        return store.find(s.id()).orElseThrow();
    }

    /** Unsubscribes with an unsubscribe or manage link; again on an already unsubscribed address is fine. */
    public void unsubscribe(String token) {
        LinkTokens.Result r = tokens.verify(token, Purpose.UNSUBSCRIBE);
        if (r.claims().isEmpty()) {
            r = tokens.verify(token, Purpose.MANAGE);
        }
        LinkTokens.Claims claims = r.claims().orElseThrow(() -> new LinkException(false));
        Subscriber s = store.find(claims.subscriberId()).orElseThrow(() -> new LinkException(false));
        if (s.status() == Status.UNSUBSCRIBED) {
            return;
        }
        if (claims.linkVersion() != s.linkVersion()) {
            throw new LinkException(false);
        }
        store.unsubscribe(s.id());
        log.info("subscriber {} unsubscribed", s.id());
    }

    private Subscriber subscriber(String token, Purpose purpose) {
        LinkTokens.Result r = tokens.verify(token, purpose);
        LinkTokens.Claims claims = r.claims().orElseThrow(() -> new LinkException(false));
        if (r.problem() == Problem.EXPIRED) {
            throw new LinkException(true);
        }
        Subscriber s = store.find(claims.subscriberId()).orElseThrow(() -> new LinkException(false));
        if (claims.linkVersion() != s.linkVersion() || s.status() == Status.UNSUBSCRIBED) {
            throw new LinkException(false);
        }
        return s;
    }

    public LinkTokens tokens() {
        return tokens;
    }
}
