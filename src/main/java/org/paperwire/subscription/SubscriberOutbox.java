package org.paperwire.subscription;

import org.paperwire.mail.MailMessage;

/**
 * The outbox as the subscription flow needs it: confirmation and link mails are queued and sent by the
 * outbox's sender, never inside a request (so a known address answers as fast as an unknown one, whatever the
 * SMTP server does), and digests built and not sent yet are cancelled when a subscriber leaves.
 */
public interface SubscriberOutbox {
    /** Queues {@code message} (of {@code kind}: confirm or manage) to {@code s}; the sender delivers it within seconds. */
    void queue(Subscriber s, String kind, MailMessage message);

    /** Cancels the digests of {@code subscriberId} that are built and not sent yet: they are never sent. */
    void cancelDigests(long subscriberId);
}
