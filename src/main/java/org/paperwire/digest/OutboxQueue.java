package org.paperwire.digest;

import java.time.InstantSource;
import org.paperwire.mail.MailMessage;
import org.paperwire.mail.Mailer;
import org.paperwire.subscription.Subscriber;
import org.paperwire.subscription.SubscriberOutbox;

/**
 * The outbox behind the subscription flow: a confirmation or link mail is rendered to its final bytes, stored in
 * the mail outbox and the sender woken; a subscriber who leaves has their unsent digests cancelled.
 */
public final class OutboxQueue implements SubscriberOutbox {
    private final MailOutbox mails;
    private final DigestOutbox digests;
    private final Mailer mailer;
    private final InstantSource clock;
    private final SendSignal queued;

    public OutboxQueue(MailOutbox mails, DigestOutbox digests, Mailer mailer, InstantSource clock, SendSignal queued) {
        this.mails = mails;
        this.digests = digests;
        this.mailer = mailer;
        this.clock = clock;
        this.queued = queued;
    }

    @Override
    public void queue(Subscriber s, String kind, MailMessage message) {
        mails.add(s.id(), kind, mailer.render(message), clock.instant());
        queued.signal();
    }

    @Override
    public void cancelDigests(long subscriberId) {
        digests.cancel(subscriberId);
    }
}
