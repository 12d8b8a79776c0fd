package org.paperwire.digest;

import java.time.InstantSource;
import org.paperwire.mail.MailMessage;
import org.paperwire.mail.Mailer;
import org.paperwire.mail.RenderedMail;
import org.paperwire.subscription.Subscriber;
import org.paperwire.subscription.SubscriberOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox behind the subscription flow: a confirmation or link mail is rendered to its final bytes, stored in
 * the mail outbox and the sender woken; a subscriber who leaves has their unsent digests cancelled.
 */
public final class OutboxQueue implements SubscriberOutbox {
    private static final Logger log = LoggerFactory.getLogger(OutboxQueue.class);

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
        RenderedMail mail;
        try {
            mail = mailer.render(message);
        } catch (IllegalArgumentException e) {
            // an address we stored but cannot mail: the visitor sees the same answer, the operator the reason
            log.warn("cannot mail subscriber {}: {}", s.id(), e.getMessage());
            return;
        }
        mails.add(s.id(), kind, mail, clock.instant());
        queued.signal();
    }

    @Override
    public void cancelDigests(long subscriberId) {
        digests.cancel(subscriberId);
    }
}
