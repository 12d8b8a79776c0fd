package org.paperwire.digest;

import java.time.Instant;
import java.util.Map;
import org.paperwire.mail.RenderedMail;

/**
 * Confirmation and link mails waiting to go out: one row per mail with its exact bytes, sent by the digest
 * sender ({@link DigestRunner#sendMails}) with the digests' retries and backoff, through the same state machine
 * ({@link OutboxTable}). A web request only adds a row, so it never waits for the SMTP server. Its
 * implementation: {@link JdbcMailOutbox}.
 */
public interface MailOutbox {
    /** The sending state machine of these rows. */
    OutboxTable table();

    /** Queues a mail of {@code kind} (confirm, manage) to subscriber {@code subscriberId}, due at once; returns its id. */
    long add(long subscriberId, String kind, RenderedMail mail, Instant now);

    /** Mails per state (due, in_flight, sent, failed), for the operator and tests. */
    Map<String, Long> counts();

    /**
     * Deletes mails that are done (sent or failed) and were queued before {@code before}: they hold signed links
     * and are of no use once delivered. Returns how many.
     */
    int forget(Instant before);
}
