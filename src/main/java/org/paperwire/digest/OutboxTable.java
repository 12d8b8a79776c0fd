package org.paperwire.digest;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import org.paperwire.mail.RenderedMail;

/**
 * The sending state machine that both outboxes share (digests and confirmation / link mails):
 * {@code due → in_flight → sent}, back to {@code due} with a later {@code next_attempt_at} after a failed
 * attempt, or {@code failed}; {@code cancelled} for a digest whose subscriber left before it went out.
 *
 * <p>Every change that ends an attempt is guarded by its owner ({@code state = 'in_flight' AND claimed_by = ?}),
 * so a sender whose lease ran out and whose row another sender took over changes nothing. An attempt is counted
 * when it is claimed: one that ends in a crash, a hang or an unexpected exception counts as well, so a row that
 * never succeeds fails after {@code digest.max-attempts}. Its implementation: {@link JdbcOutboxTable}.
 */
interface OutboxTable {
    /** A row claimed for one attempt: {@code what} is the digest's period or the mail's kind. */
    record Claimed(long id, long subscriberId, String what, int attempts, RenderedMail mail) {}

    /**
     * Claims up to {@code limit} rows that are due, or in flight with a lease that ran out (a hung sender), for
     * {@code owner}, counting the attempt, in one transaction so two senders never claim the same row;
     * {@code onlySubscribers} null means all. Rows of subscribers who left are cancelled first.
     */
    List<Claimed> claim(Instant now, int limit, String owner, Duration lease, Collection<Long> onlySubscribers);

    /** Cancels the subscriber's rows that are due (a sender that holds one in flight finishes its attempt). */
    int cancel(long subscriberId);

    /**
     * Makes the in-flight rows of processes that no longer run due again at once (a crash or {@code kill -9}
     * mid-send). Returns how many.
     */
    int releaseAbandoned(Predicate<String> ownerAlive);

    /** The server accepted the mail. False when {@code owner} no longer holds the row (nothing changes then). */
    boolean markSent(long id, String owner, Instant now);

    /** Back to {@code due}, not before {@code next}; false when {@code owner} no longer holds the row. */
    boolean markRetry(long id, String owner, Instant next, String error);

    /** Failed for good; false when {@code owner} no longer holds the row. */
    boolean markFailed(long id, String owner, Instant now, String error);

    /**
     * Back to {@code due} at once without counting the attempt, for a claimed row whose attempt never began (the
     * sender is shutting down); false when {@code owner} no longer holds the row.
     */
    boolean release(long id, String owner, Instant now);
}
