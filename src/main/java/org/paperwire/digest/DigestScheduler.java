package org.paperwire.digest;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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

    private final DigestRunner runner;
    private final Duration tick;
    private final SendSignal mailQueued;
    private final Duration mailPoll;
    private final Duration stopWait;
    private ScheduledExecutorService executor;
    private Thread mailSender;
    private volatile boolean closed;

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
        mailSender = Thread.ofPlatform().name("mail-sender").daemon().start(this::sendMails);
        if (digests) {
            executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "digest-scheduler");
                t.setDaemon(true);
                return t;
            });
            executor.scheduleWithFixedDelay(this::tick, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
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

    /** The mail sender's loop: a pass at once, then one each time a mail is queued or {@code mailPoll} passed. */
    private void sendMails() {
        while (!closed) {
            try {
                DigestRunner.Delivery d = runner.sendMails();
                if (d.sent() + d.failed() + d.retrying() > 0) {
                    log.info("mails: {} sent, {} failed, {} waiting to retry", d.sent(), d.failed(), d.retrying());
                }
            } catch (RuntimeException e) {
                log.error("sending queued mails failed; trying again at the next mail or poll", e);
            }
            try {
                mailQueued.await(mailPoll);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * Stops ticking and polling without interrupting a send, waits (at most {@code stopWait}) for the sends under
     * way to finish and be recorded, then ends the threads: the database may be closed after.
     */
    @Override
    public void close() {
        Thread sender;
        ScheduledExecutorService ticks;
        synchronized (this) {
            closed = true;
            sender = mailSender;
            ticks = executor;
        }
        if (ticks != null) {
            ticks.shutdown(); // no further tick; the one under way goes on
        }
        mailQueued.signal(); // the mail sender wakes up and sees that it is closed
        runner.stop(stopWait);
        if (ticks != null) {
            ticks.shutdownNow();
            awaitQuietly(ticks);
        }
        if (sender != null) {
            sender.interrupt();
            try {
                sender.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void awaitQuietly(ScheduledExecutorService executor) {
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
