package org.paperwire.subscription;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.paperwire.subscription.Subscriber.Status;

/**
 * Where subscribers and their topics live: ids are never reused, and each subscriber has a random link key.
 * Its implementation, {@link JdbcSubscriberStore}, runs on SQLite and PostgreSQL; {@code SubscriberStoreContract} (tests) says what every
 * implementation must do.
 */
public interface SubscriberStore {
    /** A subscriber and whether the call that returned it created it. */
    record Created(Subscriber subscriber, boolean isNew) {}

    /**
     * Adds a subscriber unless the address is already there (in any state).
     *
     * @return the subscriber and whether this call created it
     */
    Created create(String email, Status status, Preferences prefs, List<Topic> topics, Instant now);

    Optional<Subscriber> find(long id);

    Optional<Subscriber> findByEmail(String email);

    /** How many subscribers are active (confirmed and not unsubscribed), counted in the database. */
    long countActive();

    /** Every subscriber, by id, with topics. */
    List<Subscriber> all();

    /** Activates a pending subscriber (idempotent); false when it is not pending or active. */
    boolean confirm(long id, Instant now);

    /**
     * Re-activates an unsubscribed address as pending, so that it must be confirmed again; a new link key retires
     * every link issued before.
     */
    void resubscribe(long id, Instant now);

    /**
     * Stops every mail at once. Its manage and confirm links stop working (they ask for a subscriber who is not
     * unsubscribed); its unsubscribe links keep answering, until a re-subscription changes the link key.
     */
    void unsubscribe(long id);

    /**
     * Deletes pending subscriptions whose last subscribe request or confirmation mail is at or before
     * {@code cutoff} (never confirmed, so nobody is told), with their topics.
     *
     * @return how many were deleted
     */
    int deletePendingSince(Instant cutoff);

    /** Deletes the subscriber, its topics and its digest history. */
    boolean remove(long id);

    /** Replaces the subscriber's preferences and topics. */
    void update(long id, Preferences prefs, List<Topic> topics);

    /**
     * Claims the right to mail this address now: true (and remembered) when the last confirmation or link mail
     * is at least {@code interval} ago. Atomic, so two concurrent requests cannot both send.
     */
    boolean claimMailSlot(long id, Instant now, Duration interval);
}
