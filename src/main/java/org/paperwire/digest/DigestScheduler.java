package org.paperwire.digest;

import java.time.Duration;
import org.paperwire.schedule.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What sends mail inside {@code serve}: {@link DigestRunner#run} on a fixed tick, which sends the digests whose
 * delivery hour has come (and retries that are due), and a mail sender that delivers queued confirmation and
 * link mails as soon as one is queued (and on a short poll, for retries and mails queued by another process).
 * One failing tick or pass is logged and the schedule goes on. Closing lets the sends under way finish.
 */
public final class DigestScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DigestScheduler.class);
    /** How long closing waits for each thread after the runner has stopped (and interrupted it). */
    private static final Duration THREAD_STOP_WAIT = Duration.ofSeconds(5);

    private final DigestRunner runner;
    private final Duration tick;
    private final SendSignal mailQueued;
    private final Duration mailPoll;
    private final Duration stopWait;
    private PeriodicTask ticks;
    private PeriodicTask mailSender;
    private boolean closed;

    /**
     * @param mailQueued signalled when a mail is queued
     * @param mailPoll how often the mail sender looks without a signal
     * @param stopWait how long closing waits for the sends under way
     */
    public DigestScheduler(DigestRunner runner, Duration tick, SendSignal mailQueued, Duration mailPoll,
            Duration stopWait) {
        this.runner = runner;
        this.tick = tick;
        this.mailQueued = mailQueued;
        this.mailPoll = mailPoll;
        this.stopWait = stopWait;
    }

    /** Starts the mail sender and, when {@code digests}, the digest tick. */
    public synchronized void start(boolean digests) {
        if (mailSender != null || closed) {
            return;
        }
        // a pass at once, then one each time a mail is queued or mailPoll passed
        mailSender = PeriodicTask.start("mail-sender", Duration.ZERO, mailPoll, mailQueued.wakeup(), this::sendMails);
        if (digests) {
            ticks = PeriodicTask.start("digest-scheduler", Duration.ZERO, tick, this::tick);
        }
    }

    /** One tick; never throws, so the schedule never stops. */
    void tick() {
        try {
            DigestRunner.Report r = runner.run(DigestRunner.Options.scheduled());
            if (r.due() + r.sent() + r.failed() > 0) {
                log.info("digests: {} due, {} sent, {} failed, {} skipped, {} waiting to retry", r.due(), r.sent(),
                        r.failed(), r.skipped(), r.retrying());
            }
        } catch (RuntimeException e) {
            log.error("digest run failed; the next tick tries again", e);
        }
    }

    /** One pass of the mail sender. */
    private void sendMails() {
        try {
            DigestRunner.Delivery d = runner.sendMails();
            if (d.sent() + d.failed() + d.retrying() > 0) {
                log.info("mails: {} sent, {} failed, {} waiting to retry", d.sent(), d.failed(), d.retrying());
            }
        } catch (RuntimeException e) {
            log.error("sending queued mails failed; trying again at the next mail or poll", e);
        }
    }

    /**
     * Stops ticking and polling without interrupting a send, waits (at most {@code stopWait}) for the sends under
     * way to finish and be recorded, then ends the threads: the database may be closed after.
     */
    @Override
    public void close() {
        PeriodicTask sender;
        PeriodicTask digestTicks;
        synchronized (this) {
            closed = true;
            sender = mailSender;
            digestTicks = ticks;
        }
        if (digestTicks != null) {
            digestTicks.stop(); // no further tick; the one under way goes on
        }
        if (sender != null) {
            sender.stop(); // the mail sender wakes up and sees that it is stopped
        }
        runner.stop(stopWait);
        if (digestTicks != null) {
            digestTicks.closeNow(THREAD_STOP_WAIT);
        }
        if (sender != null) {
            sender.closeNow(THREAD_STOP_WAIT);
        }
    }
}
