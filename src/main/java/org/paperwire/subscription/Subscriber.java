package org.paperwire.subscription;

import java.time.Instant;
import java.util.List;

/**
 * One subscriber: an address, where it stands, when and what it wants.
 *
 * @param confirmedAt when the address was confirmed (or vouched for by an operator); null while pending
 * @param linkVersion part of every signed link; bumped on unsubscribe so that older links stop working
 */
public record Subscriber(long id, String email, Status status, Preferences preferences, List<Topic> topics,
        Instant createdAt, Instant confirmedAt, int linkVersion) {

    /** Where a subscription stands: only {@code ACTIVE} subscribers get digests. */
    public enum Status { PENDING, ACTIVE, UNSUBSCRIBED }

    public Subscriber {
        topics = List.copyOf(topics);
    }

    public boolean active() {
        return status == Status.ACTIVE;
    }
}
