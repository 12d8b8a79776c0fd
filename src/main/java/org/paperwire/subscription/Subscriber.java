package org.paperwire.subscription;

import java.time.Instant;
import java.util.List;

/**
 * One subscriber: an address, where it stands, when and what it wants.
 *
 * @param id never reused, not even after the subscriber is removed
 * @param confirmedAt when the address was confirmed (or vouched for by an operator); null while pending
 * @param linkKey random, part of the MAC of every signed link; a new subscriber and a re-subscription get a new
 *     one, so that links issued before (to this address or to a removed one) stop working
 * @param pendingSince while pending: the last subscribe request or confirmation mail; the subscription expires
 *     {@code subscription.pending-ttl} later. Null in the other states
 */
public record Subscriber(long id, String email, Status status, Preferences preferences, List<Topic> topics,
        Instant createdAt, Instant confirmedAt, String linkKey, Instant pendingSince) {

    /** Where a subscription stands: only {@code ACTIVE} subscribers get digests. */
    public enum Status { PENDING, ACTIVE, UNSUBSCRIBED }

    public Subscriber {
        topics = List.copyOf(topics);
    }

    public boolean active() {
        return status == Status.ACTIVE;
    }

    @Override
    public String toString() { // never log the link key
        return "Subscriber[" + id + ", " + status + "]";
    }
}
