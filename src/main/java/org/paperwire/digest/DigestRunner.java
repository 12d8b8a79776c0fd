package org.paperwire.digest;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.paperwire.mail.MailException;
import org.paperwire.mail.MailMessage;
import org.paperwire.mail.Mailer;
import org.paperwire.subscription.Preferences.Frequency;
import org.paperwire.subscription.Subscriber;
import org.paperwire.subscription.SubscriberStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One digest run, used by the scheduler inside {@code serve} and by {@code digest run}: plan, then send.
 *
 * <p><b>Plan.</b> For each active subscriber whose delivery slot has begun and has no digest yet, build the
 * digest and store it, rendered, in the outbox together with its papers, in one transaction; the outbox's
 * UNIQUE (subscriber, period) makes a second run in the same period do nothing.
 *
 * <p><b>Send.</b> Claim due rows ({@code in_flight}, with this process as owner), hand them to the mailer
 * with bounded concurrency, and mark each {@code sent} as soon as the server accepted it; temporary failures
 * go back to {@code due} with exponential backoff, permanent ones (and the last attempt) to {@code failed}.
 *
 * <p><b>Crashes.</b> A run that dies leaves rows {@code due} (not sent, sent later) or {@code in_flight}. The
 * next run finds in-flight rows whose owner process is gone and sends them again, with the same stored message
 * and Message-ID. So nothing is lost; the one case that gives a duplicate is a crash in the moment between the
 * server's "250 OK" and our commit of {@code sent} (milliseconds per message), and that duplicate carries the
 * same Message-ID, which mail systems use to recognise it. No SMTP client can close that window (SMTP has no
 * idempotency key); we chose "never lose" over "never duplicate" for it.
 */
public final class DigestRunner {
    private static final Logger log = LoggerFactory.getLogger(DigestRunner.class);
    private static final Duration LEASE = Duration.ofMinutes(15);
    private static final Duration MAX_BACKOFF = Duration.ofHours(6);
    /** Margin before the previous digest: papers listed late still count as new (repeats are excluded anyway). */
    private static final int SINCE_MARGIN_DAYS = 3;
    /** A first digest covers this many days. */
    private static final int FIRST_DIGEST_DAYS = 3;

    /** What one run does. */
    public record Options(boolean dryRun, boolean now, String onlyAddress) {
        public static Options scheduled() {
            return new Options(false, false, null);
        }
    }

    /**
     * What a run did.
     *
     * @param due digests built for a period that had none
     * @param sent messages accepted by the mail server in this run (including retries of earlier runs)
     * @param failed digests that failed permanently in this run, plus digests that could not be built
     * @param skipped empty digests not sent (the subscriber skips empty days)
     * @param retrying digests waiting for another attempt after a temporary failure
     * @param previews the built digests, in a dry run
     * @param buildTime wall time of building and storing the digests
     * @param sendTime wall time of sending
     */
    public record Report(int due, int sent, int failed, int skipped, int retrying, List<Digest> previews,
            Duration buildTime, Duration sendTime) {}

    private final SubscriberStore subscribers;
    private final DigestOutbox outbox;
    private final DigestBuilder builder;
    private final DigestMails mails;
    private final Mailer mailer;
    private final InstantSource clock;
    private final Duration retryDelay;
    private final int maxAttempts;
    private final java.time.Period keepMail;
    private final String owner = ProcessOwner.current();

    public DigestRunner(SubscriberStore subscribers, DigestOutbox outbox, DigestBuilder builder, DigestMails mails,
            Mailer mailer, InstantSource clock, Duration retryDelay, int maxAttempts, java.time.Period keepMail) {
        this.keepMail = keepMail;
        this.subscribers = subscribers;
        this.outbox = outbox;
        this.builder = builder;
        this.mails = mails;
        this.mailer = mailer;
        this.clock = clock;
        this.retryDelay = retryDelay;
        this.maxAttempts = maxAttempts;
    }

    public synchronized Report run(Options options) {
        Instant now = clock.instant();
        int released = options.dryRun() ? 0 : outbox.releaseAbandoned(ProcessOwner::alive); // a dry run records nothing
        if (released > 0) {
            log.warn("{} digests were in flight in a process that stopped; sending them again", released);
        }
        List<Subscriber> chosen = subscribers.all().stream().filter(Subscriber::active)
                .filter(s -> options.onlyAddress() == null || s.email().equalsIgnoreCase(options.onlyAddress()))
                .toList();
        long start = System.nanoTime();
        Plan plan = plan(chosen, options, now);
        Duration buildTime = Duration.ofNanos(System.nanoTime() - start);
        if (options.dryRun()) {
            return new Report(plan.due, 0, plan.errors, plan.skipped, 0, plan.previews, buildTime, Duration.ZERO);
        }
        start = System.nanoTime();
        Sent sent = send(options.onlyAddress() == null ? null : chosen.stream().map(Subscriber::id).toList());
        int forgotten = outbox.forgetMail(now.atZone(java.time.ZoneOffset.UTC).minus(keepMail).toInstant());
        if (forgotten > 0) {
            log.info("dropped the text of {} digests older than {} (digest.keep-mail)", forgotten, keepMail);
        }
        return new Report(plan.due, sent.sent.get(), sent.failed.get() + plan.errors, plan.skipped,
                sent.retrying.get(), List.of(), buildTime, Duration.ofNanos(System.nanoTime() - start));
    }

    /** The subscriber's next digest as it would be built now (for {@code /digest/preview}); nothing is stored. */
    public Digest preview(Subscriber s) {
        Instant now = clock.instant();
        DigestPeriod period = nowPeriod(s, now).orElse(new DigestPeriod("preview",
                now.atZone(s.preferences().zone()).toLocalDate(), now));
        return builder.session().build(s, period, since(s, now), outbox.papersGiven(s.id()));
    }

    private static final class Plan {
        int due;
        int skipped;
        int errors;
        final List<Digest> previews = new ArrayList<>();
    }

    private Plan plan(List<Subscriber> chosen, Options options, Instant now) {
        Plan plan = new Plan();
        Map<Long, Set<String>> done = outbox.periodsSince(now.minus(Duration.ofDays(9)));
        DigestBuilder.Session session = builder.session();
        for (Subscriber s : chosen) {
            Optional<DigestPeriod> period = options.now() ? nowPeriod(s, now)
                    : DigestSchedule.current(s.preferences(), now)
                            .filter(p -> s.confirmedAt() == null || !p.scheduledAt().isBefore(s.confirmedAt()));
            if (period.isEmpty() || done.getOrDefault(s.id(), Set.of()).contains(period.get().key())) {
                continue;
            }
            Digest digest;
            try {
                digest = session.build(s, period.get(), since(s, now), outbox.papersGiven(s.id()));
            } catch (RuntimeException e) {
                // one subscriber's trouble (say, the search index is locked by another process) never stops the
                // others; the next run tries this one again
                log.error("could not build the digest {} of subscriber {}; will try again next run",
                        period.get().key(), s.id(), e);
                plan.errors++;
                continue;
            }
            plan.due++;
            if (options.dryRun()) {
                plan.previews.add(digest);
                continue;
            }
            boolean skip = digest.isEmpty() && s.preferences().skipEmpty();
            MailMessage message = mails.digest(digest);
            boolean added = outbox.add(s.id(), period.get().key(), message, DigestBuilder.ids(digest.items()),
                    skip ? DigestOutbox.State.SKIPPED : DigestOutbox.State.DUE, now);
            if (!added) {
                plan.due--; // another process built this period's digest meanwhile
            } else if (skip) {
                plan.skipped++;
            }
        }
        return plan;
    }

    /** "--now": the slot of the subscriber's current local day (weekly: the latest delivery weekday), whatever the hour. */
    private static Optional<DigestPeriod> nowPeriod(Subscriber s, Instant now) {
        if (s.preferences().frequency() == Frequency.PAUSED) {
            return Optional.empty();
        }
        LocalDate today = now.atZone(s.preferences().zone()).toLocalDate();
        Instant endOfDay = today.atTime(LocalTime.MAX).atZone(s.preferences().zone()).toInstant();
        return DigestSchedule.current(s.preferences(), endOfDay);
    }

    private LocalDate since(Subscriber s, Instant now) {
        Instant from = outbox.lastBuilt(s.id()).orElse(now.minus(Duration.ofDays(FIRST_DIGEST_DAYS)));
        return LocalDate.ofInstant(from, ZoneOffset.UTC).minusDays(SINCE_MARGIN_DAYS);
    }

    private static final class Sent {
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger retrying = new AtomicInteger();
    }

    private Sent send(List<Long> onlySubscribers) {
        Sent counts = new Sent();
        int workers = Math.max(1, mailer.concurrency());
        try (ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "digest-sender");
            t.setDaemon(true);
            return t;
        })) {
            while (true) {
                List<DigestOutbox.Claimed> batch = outbox.claim(clock.instant(), workers * 32, owner, LEASE,
                        onlySubscribers);
                if (batch.isEmpty()) {
                    break;
                }
                List<Future<?>> futures = new ArrayList<>(batch.size());
                for (DigestOutbox.Claimed row : batch) {
                    futures.add(pool.submit(() -> deliver(row, counts)));
                }
                for (Future<?> f : futures) {
                    try {
                        f.get();
                    } catch (ExecutionException e) {
                        log.error("sending a digest failed unexpectedly; it stays in flight until its lease ends", e.getCause());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return counts;
                    }
                }
            }
        }
        return counts;
    }

    private void deliver(DigestOutbox.Claimed row, Sent counts) {
        try {
            mailer.send(row.message());
            outbox.markSent(row.id(), clock.instant());
            counts.sent.incrementAndGet();
        } catch (MailException e) {
            Instant now = clock.instant();
            int attempt = row.attempts() + 1;
            if (e.temporary() && attempt < maxAttempts) {
                Duration wait = backoff(retryDelay, attempt);
                outbox.markRetry(row.id(), now.plus(wait), e.getMessage());
                counts.retrying.incrementAndGet();
                log.warn("digest {} to {}: {}; attempt {} of {}, next in {}", row.period(), row.message().to(),
                        e.getMessage(), attempt, maxAttempts, wait);
            } else {
                outbox.markFailed(row.id(), now, e.getMessage());
                counts.failed.incrementAndGet();
                log.error("digest {} to {} failed for good after {} attempts: {}", row.period(), row.message().to(),
                        attempt, e.getMessage());
            }
        }
    }

    /** {@code first}, doubled for each attempt after the first, at most six hours. */
    static Duration backoff(Duration first, int attempt) {
        Duration wait = first.multipliedBy(1L << Math.min(attempt - 1, 20));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }
}
